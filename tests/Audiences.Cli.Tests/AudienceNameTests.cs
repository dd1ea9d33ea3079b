using Microsoft.Data.Sqlite;

namespace Audiences.Cli.Tests;

/// <summary>Every audience command that takes an audience takes its name as well as its id.</summary>
public sealed class AudienceNameTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_name_in_any_case_reads_the_same_audience_as_its_id()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var byId = await _workspace.RunAsync("--json", "audience", "members", "1");
        var byName = await _workspace.RunAsync("--json", "audience", "members", "vips");
        var explained = await _workspace.RunAsync("--json", "audience", "explain", "VIPs", AudienceData.Ada);
        var record = await _workspace.RunAsync("--json", "audience", "record", "Vips");

        byName.ExitCode.Should().Be(0, byName.ToString());
        byName.Json.ToJsonString().Should().Be(byId.Json.ToJsonString());
        ((long)explained.Json["audience"]!).Should().Be(1);
        ((bool)explained.Json["matches"]!).Should().BeTrue();
        ((string)record.Json["profile"]!["id"]!).Should().Be(AudienceData.Ada);
    }

    [Fact]
    public async Task Names_work_in_the_commands_that_change_an_audience()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        await AudienceData.CreateAsync(_workspace, "Hot leads", "score >= 90", "--draft", "--user", "ana");

        var derived = await _workspace.RunAsync("--json", "audience", "derive", "hot leads", "Hot VIPs", "--filter", "vip = true", "--user", "ana");
        var archived = await _workspace.RunAsync("--json", "audience", "archive", "Hot leads", AudienceData.Ada);
        var listed = await _workspace.RunAsync("--json", "audience", "archived", "Hot leads");
        var restored = await _workspace.RunAsync("--json", "audience", "restore", "Hot leads", AudienceData.Ada);
        var activated = await _workspace.RunAsync("--json", "audience", "activate", "Hot leads");
        var deleted = await _workspace.RunAsync("--json", "audience", "delete", "Hot VIPs");

        ((long)derived.Json["parentId"]!).Should().Be(2);
        ((string)archived.Json["action"]!).Should().Be("archived");
        listed.Json["profiles"]!.AsArray().Select(p => (string)p!["id"]!).Should().Equal(AudienceData.Ada);
        ((string)restored.Json["action"]!).Should().Be("restored");
        ((string)activated.Json["status"]!).Should().Be("active");
        ((string)deleted.Json["name"]!).Should().Be("Hot VIPs");
    }

    [Fact]
    public async Task An_unknown_name_exits_1_listing_the_names()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        await AudienceData.CreateAsync(_workspace, "Hot leads", "score >= 90", "--user", "bo", "--private");

        var result = await _workspace.RunAsync("audience", "members", "Cold leads");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Equal(
            "error: audience members 'Cold leads': there is no audience named 'Cold leads'; the audiences are 'Hot leads', 'VIPs'.");
    }

    [Fact]
    public async Task A_name_in_a_workspace_without_audiences_says_there_are_none()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("audience", "explain", "Hot leads", "1");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines.Should().Equal(
            "error: audience explain 'Hot leads': there is no audience named 'Hot leads'; the workspace has no audiences yet (audience create makes one).");
    }

    [Fact]
    public async Task A_name_two_audiences_share_exits_1_asking_for_the_id()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        await AudienceData.CreateAsync(_workspace, "VIPs again", "vip = true");

        // The service keeps names unique; a store edited behind its back is how two can share one.
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _workspace.DatabasePath, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var rename = connection.CreateCommand();
            rename.CommandText = "UPDATE audiences SET name = 'vips' WHERE id = 2";
            (await rename.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var result = await _workspace.RunAsync("audience", "members", "VIPs");
        var byId = await _workspace.RunAsync("audience", "members", "2");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines.Should().Equal("error: audience members 'VIPs': 2 audiences are named 'VIPs' (ids 1, 2); give the id instead.");
        byId.ExitCode.Should().Be(0, byId.ToString());
    }

    [Fact]
    public async Task An_all_digit_argument_is_an_id()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        await AudienceData.CreateAsync(_workspace, "2026", "vip = true");

        var result = await _workspace.RunAsync("audience", "members", "2026");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines.Should().Equal("error: audience members 2026: there is no audience with id 2026; 'audience list' shows the ids.");
    }

    [Theory]
    [InlineData(" ", "error: audience members: the audience is empty; give its id or its name, as 'audience list' shows them.")]
    [InlineData("0", "error: audience members: '0' is not an audience id; give the number shown by 'audience list', or the audience's name.")]
    public async Task A_blank_audience_or_id_zero_is_bad_input(string audience, string error)
    {
        var result = await _workspace.RunAsync("audience", "members", audience);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines.Should().Equal(error);
    }
}
