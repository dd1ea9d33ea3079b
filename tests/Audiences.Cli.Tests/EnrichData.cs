namespace Audiences.Cli.Tests;

/// <summary>
/// Five people at brightlane.io, each with the names sample-work-email needs, in the audience 'Everyone' (id 1), and
/// three companies in 'All companies' (id 2): two the sample-company table knows, one it does not.
/// </summary>
public static class EnrichData
{
    public const int People = 5;
    public const string PeopleAudience = "Everyone";
    public const string CompaniesAudience = "All companies";

    public static async Task ImportAsync(CliWorkspace workspace)
    {
        var people = workspace.WriteCsv(
            "people.csv",
            "email,first_name,last_name,company_domain",
            "ada@home.example,Ada,Lovelace,brightlane.io",
            "grace@home.example,Grace,Hopper,brightlane.io",
            "alan@home.example,Alan,Turing,https://www.Brightlane.io/",
            "linus@home.example,Linus,Torvalds,brightlane.io",
            "mary@home.example,Mary-Jane,O'Neil,brightlane.io");
        var companies = workspace.WriteCsv(
            "companies.csv",
            "domain,name",
            "brightlane.io,Brightlane",
            "northwind-analytics.com,Northwind Analytics",
            "nowhere.example,Nowhere");
        await SucceedAsync(workspace, "import", "csv", "--kind", "person", "--file", people);
        await SucceedAsync(workspace, "import", "csv", "--kind", "company", "--file", companies);
        await SucceedAsync(workspace, "audience", "create", PeopleAudience, "--kind", "person", "--filter", "company_domain is not empty");
        await SucceedAsync(workspace, "audience", "create", CompaniesAudience, "--kind", "company", "--filter", "domain is not empty");
    }

    /// <summary>Adds 'emails': sample-work-email on 'Everyone', mapping work_email, with the options given.</summary>
    public static Task<CliResult> AddEmailsAsync(CliWorkspace workspace, params string[] more) =>
        workspace.RunAsync(["enrich", "add", "emails", "--provider", "sample-work-email", "--audience", PeopleAudience, "--map", "work_email=work_email", .. more]);

    public static async Task<CliResult> SucceedAsync(CliWorkspace workspace, params string[] args)
    {
        var result = await workspace.RunAsync(args);
        result.ExitCode.Should().Be(0, result.ToString());
        return result;
    }
}
