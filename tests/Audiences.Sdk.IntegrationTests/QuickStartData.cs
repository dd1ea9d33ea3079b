namespace Audiences.Sdk.IntegrationTests;

/// <summary>The <c>people.csv</c> README.md shows beside the quick start.</summary>
internal static class QuickStartData
{
    public const string PeopleCsv = "email,first_name,title\nada@example.com,Ada,CTO\nbob@example.com,Bob,Engineer\ngrace@example.com,Grace,\n";
}
