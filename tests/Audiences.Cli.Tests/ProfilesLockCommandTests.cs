using System.Text.Json;

namespace Audiences.Cli.Tests;

public sealed class ProfilesLockCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Lock_json_parses_the_value_with_the_field_type_and_marks_it_manual()
    {
        var ada = await ImportCrmAsync();

        var result = await _workspace.RunAsync("--json", "profiles", "lock", ada, "score", "-12.5");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json.AsObject();
        json.Select(p => p.Key).Should().Equal("field", "locked", "value", "profile");
        ((string)json["field"]!).Should().Be("score");
        ((bool)json["locked"]!).Should().BeTrue();
        json["value"]!["value"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        ((double)json["value"]!["value"]!).Should().Be(-12.5);
        ((string)json["value"]!["sourceKind"]!).Should().Be("manual");
        ((string)json["profile"]!["id"]!).Should().Be(ada);
        ((double)json["profile"]!["fields"]!["score"]!).Should().Be(-12.5);
    }

    [Fact]
    public async Task Lock_text_without_a_value_locks_the_current_one_and_an_import_leaves_it()
    {
        var ada = await ImportCrmAsync();

        var result = await _workspace.RunAsync("profiles", "lock", ada, "name");
        var update = _workspace.WriteCsv("update.csv", "email,name", "ada@example.com,Augusta Ada King");
        (await _workspace.RunAsync([.. PeopleFiles.Import(update), "--source-kind", "crm"])).ExitCode.Should().Be(0);
        var list = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().StartWith($"Locked name of person {ada} to 'Ada Lovelace': imports leave it until 'profiles unlock {ada} name'.");
        result.Stdout.Split('\n').Should().Contain(l => l.Contains("Ada Lovelace") && l.Contains($"manual/locks/{ada}") && l.Contains("manual"));
        ((string)list.Json.AsArray()[0]!["fields"]!["name"]!).Should().Be("Ada Lovelace");
    }

    [Fact]
    public async Task Unlock_gives_the_field_back_to_the_sources()
    {
        var ada = await ImportCrmAsync();
        (await _workspace.RunAsync("profiles", "lock", ada, "vip", "no")).ExitCode.Should().Be(0);

        var json = await _workspace.RunAsync("--json", "profiles", "unlock", ada, "vip");
        (await _workspace.RunAsync("profiles", "lock", ada, "vip", "no")).ExitCode.Should().Be(0);
        var text = await _workspace.RunAsync("profiles", "unlock", ada, "vip");

        json.ExitCode.Should().Be(0, json.ToString());
        ((bool)json.Json["locked"]!).Should().BeFalse();
        json.Json["value"]!["value"]!.GetValueKind().Should().Be(JsonValueKind.True);
        ((string)json.Json["value"]!["sourceKind"]!).Should().Be("csv");
        text.Stdout.Should().StartWith($"Unlocked vip of person {ada}: it has 'true' from crm/people/1.");
    }

    [Fact]
    public async Task Profiles_list_shows_the_locked_fields_only_when_there_are_some()
    {
        var ada = await ImportCrmAsync();
        var before = await _workspace.RunAsync("profiles", "list", "--kind", "person");
        (await _workspace.RunAsync("profiles", "lock", ada, "tags", "math;music")).ExitCode.Should().Be(0);
        (await _workspace.RunAsync("profiles", "lock", ada, "joined", "2026-02-01")).ExitCode.Should().Be(0);

        var after = await _workspace.RunAsync("profiles", "list", "--kind", "person");

        before.Stdout.Should().NotContain("LOCKED");
        var lines = after.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().EndWith("LOCKED");
        lines[1].TrimStart().Should().StartWith(ada + " ").And.EndWith("joined, tags").And.Contain("manual");
    }

    [Theory]
    [InlineData(new[] { "lock", "99", "name" }, "profiles lock 99 name: No profile ever had the id 99.")]
    [InlineData(new[] { "lock", "99", "name", "Ada" }, "profiles lock 99 name: No profile ever had the id 99.")]
    [InlineData(new[] { "unlock", "99", "name" }, "profiles unlock 99 name: No profile ever had the id 99.")]
    [InlineData(new[] { "lock", "abc", "name" }, "profiles lock: 'abc' is not a profile id")]
    [InlineData(new[] { "lock", "1", "Job Title" }, "'Job Title' is not a field key")]
    [InlineData(new[] { "lock", "1", "colour", "red" }, "the person catalog has no field 'colour'")]
    [InlineData(new[] { "lock", "1", "colour" }, "has no value for 'colour' to lock")]
    [InlineData(new[] { "lock", "1", "score", "lots" }, "profiles lock 1 score: 'lots' is not a number")]
    [InlineData(new[] { "lock", "1", "joined", "yesterday" }, "is not an ISO 8601 date")]
    [InlineData(new[] { "lock", "1", "score", " " }, "An empty value cannot be locked on 'score'")]
    [InlineData(new[] { "unlock", "1", "name" }, "profiles unlock 1 name: Field 'name' of profile 1 is not locked.")]
    public async Task Lock_and_unlock_errors_exit_1_naming_the_profile_and_field(string[] args, string problem)
    {
        await ImportCrmAsync();

        MergesUndoCommandTests.AssertBadInput(await _workspace.RunAsync(["profiles", .. args]), problem);
    }

    [Fact]
    public async Task Lock_help_shows_the_arguments()
    {
        var result = await _workspace.RunAsync("help", "profiles", "lock");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("profiles lock <ID> <FIELD> [<VALUE>]").And.Contain("  <VALUE>  the value to lock");
    }

    private async Task<string> ImportCrmAsync()
    {
        var result = await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)));
        result.ExitCode.Should().Be(0, result.ToString());
        var list = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person");
        return (string)list.Json.AsArray()[0]!["id"]!;
    }
}
