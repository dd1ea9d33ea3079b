namespace Audiences.Cli.Tests;

/// <summary>
/// The people of <see cref="PeopleFiles"/> (Ada 91 vip, Grace 88, Alan 95 vip, Linus without a score)
/// and two companies, imported for the --filter tests of count and profiles list.
/// </summary>
public static class FilteredData
{
    public static async Task ImportPeopleAsync(CliWorkspace workspace)
    {
        foreach (var args in new[]
        {
            PeopleFiles.CrmImport(PeopleFiles.Crm(workspace)),
            PeopleFiles.Import(PeopleFiles.Webinar(workspace)),
            PeopleFiles.Import(PeopleFiles.Enrichment(workspace)),
        })
        {
            var result = await workspace.RunAsync(args);
            result.ExitCode.Should().Be(0, result.ToString());
        }
    }

    public static async Task ImportCompaniesAsync(CliWorkspace workspace)
    {
        var file = workspace.WriteCsv("companies.csv", "domain,name,employees", "example.com,Example Corp,40", "navy.example,Navy,1200");
        var result = await workspace.RunAsync("import", "csv", "--kind", "company", "--file", file);
        result.ExitCode.Should().Be(0, result.ToString());
    }

    public static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
