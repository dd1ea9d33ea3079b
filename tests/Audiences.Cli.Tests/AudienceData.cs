namespace Audiences.Cli.Tests;

/// <summary>
/// The people of <see cref="FilteredData"/> for the audience commands: Ada (1, score 91, vip),
/// Grace (2, 88), Alan (3, 95, vip; his webinar record 4 was merged into him) and Linus (5, no score,
/// senior), and audiences made from them.
/// </summary>
public static class AudienceData
{
    public const string Ada = "1";
    public const string Grace = "2";
    public const string Alan = "3";
    public const string Linus = "5";

    /// <summary>Imports the people and creates 'VIPs' (<c>vip = true</c>: Ada and Alan) by ana; its id is 1.</summary>
    public static async Task ImportWithVipsAsync(CliWorkspace workspace)
    {
        await FilteredData.ImportPeopleAsync(workspace);
        await CreateAsync(workspace, "VIPs", "vip = true", "--user", "ana");
    }

    public static async Task CreateAsync(CliWorkspace workspace, string name, string filter, params string[] more)
    {
        var result = await workspace.RunAsync(["audience", "create", name, "--kind", "person", "--filter", filter, .. more]);
        result.ExitCode.Should().Be(0, result.ToString());
    }

    public static string[] Lines(CliResult result) => FilteredData.Lines(result.Stdout);
}
