using System.Text.Json;
using System.Text.Json.Nodes;

namespace Audiences.Cli.Tests;

public sealed class ProfilesListCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Json_lists_each_profile_with_aliases_sources_and_typed_fields()
    {
        (await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)))).ExitCode.Should().Be(0);

        var result = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        var profiles = result.Json.AsArray();
        profiles.Should().HaveCount(3);
        var ada = profiles[0]!.AsObject();
        ada.Select(p => p.Key).Should().Equal("id", "aliases", "sources", "fields");
        ada["id"]!.GetValueKind().Should().Be(JsonValueKind.String);
        ada["aliases"]!["email"]!.AsArray().Select(v => (string)v!).Should().Equal("ada@example.com");
        var source = ada["sources"]!.AsArray().Should().ContainSingle().Subject!.AsObject();
        source.Select(p => p.Key).Should().Equal("source", "object", "id");
        ((string)source["source"]!).Should().Be("crm");
        ((string)source["object"]!).Should().Be("people");
        ((string)source["id"]!).Should().Be("1");

        var fields = ada["fields"]!.AsObject();
        ((string)fields["name"]!).Should().Be("Ada Lovelace");
        fields["score"]!.GetValueKind().Should().Be(JsonValueKind.Number);
        ((double)fields["score"]!).Should().Be(91);
        fields["vip"]!.GetValueKind().Should().Be(JsonValueKind.True);
        fields["tags"]!.AsArray().Select(v => (string)v!).Should().Equal("math", "poetry");
        ((string)fields["joined"]!).Should().Be("2025-12-10T00:00:00Z");
        fields.ContainsKey("id").Should().BeFalse("the id column is the record's key, not a field");
    }

    [Fact]
    public async Task Human_output_is_a_table_with_one_row_per_profile()
    {
        (await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)))).ExitCode.Should().Be(0);

        var result = await _workspace.RunAsync("profiles", "list", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(4);
        lines[0].Should().StartWith("ID").And.Contain("ALIASES").And.Contain("SOURCES");
        result.Stdout.Should().Contain("Grace Hopper").And.Contain("linkedin.com/in/gracehopper");
    }

    [Fact]
    public async Task An_empty_kind_says_so()
    {
        (await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)))).ExitCode.Should().Be(0);

        var human = await _workspace.RunAsync("profiles", "list", "--kind", "company");
        var json = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "company");

        human.Stdout.Should().Contain("No companies yet.");
        json.Json.Should().BeOfType<JsonArray>().Which.Should().BeEmpty();
    }
}
