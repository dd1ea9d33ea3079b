namespace Audiences.Cli.Tests;

/// <summary>
/// Three people in the CRM export, two of them also in a webinar export imported after it: Ada's title differs between
/// the two (Engineer, then CTO), so sample-job-change fires for her alone; Grace's is the same in both and Alan has one
/// record. They are in 'Everyone' (id 1); one company is in 'Firms' (id 2).
/// </summary>
public static class SignalData
{
    public const int People = 3;
    public const string PeopleAudience = "Everyone";
    public const string CompaniesAudience = "Firms";
    public const string Provider = "sample-job-change";

    public static async Task ImportAsync(CliWorkspace workspace)
    {
        var crm = workspace.WriteCsv(
            "crm.csv",
            "email,first_name,last_name,title,company_domain",
            "ada@home.example,Ada,Lovelace,Engineer,brightlane.io",
            "grace@home.example,Grace,Hopper,Admiral,brightlane.io",
            "alan@home.example,Alan,Turing,Researcher,brightlane.io");
        var webinar = workspace.WriteCsv(
            "webinar.csv",
            "email,title",
            "ada@home.example,CTO",
            "grace@home.example,Admiral");
        var companies = workspace.WriteCsv("companies.csv", "domain,name", "brightlane.io,Brightlane");
        await EnrichData.SucceedAsync(workspace, "import", "csv", "--kind", "person", "--file", crm, "--source", "crm");
        await EnrichData.SucceedAsync(workspace, "import", "csv", "--kind", "person", "--file", webinar, "--source", "webinar");
        await EnrichData.SucceedAsync(workspace, "import", "csv", "--kind", "company", "--file", companies);
        await EnrichData.SucceedAsync(workspace, "audience", "create", PeopleAudience, "--kind", "person", "--filter", "email is not empty");
        await EnrichData.SucceedAsync(workspace, "audience", "create", CompaniesAudience, "--kind", "company", "--filter", "domain is not empty");
    }

    /// <summary>Adds 'job-moves': sample-job-change on 'Everyone', with the options given.</summary>
    public static Task<CliResult> AddJobMovesAsync(CliWorkspace workspace, params string[] more) =>
        workspace.RunAsync(["signal", "add", "job-moves", "--type", "job-change", "--provider", Provider, "--audience", PeopleAudience, .. more]);
}
