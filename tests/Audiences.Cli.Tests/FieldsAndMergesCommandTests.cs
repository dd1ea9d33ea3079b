using System.Text.Json.Nodes;

namespace Audiences.Cli.Tests;

public sealed class FieldsAndMergesCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Fields_json_lists_the_catalog_with_fill_rates()
    {
        await ImportAllAsync();

        var result = await _workspace.RunAsync("--json", "fields", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        var fields = result.Json.AsArray().Select(f => f!.AsObject()).ToDictionary(f => (string)f["key"]!);
        fields.Keys.Should().Contain(["email", "linkedin_url", "name", "score", "vip", "tags", "joined", "seniority"]);
        fields["score"].Select(p => p.Key).Should().Equal("key", "type", "origin", "filled", "profiles", "fillRate");
        ((string)fields["score"]["type"]!).Should().Be("number");
        ((string)fields["tags"]["type"]!).Should().Be("list");
        ((string)fields["joined"]["type"]!).Should().Be("datetime");
        ((string)fields["score"]["origin"]!).Should().Be("crm");
        ((string)fields["seniority"]["origin"]!).Should().Be("enrichment");
        ((long)fields["email"]["filled"]!).Should().Be(PeopleFiles.DistinctPeople);
        ((long)fields["email"]["profiles"]!).Should().Be(PeopleFiles.DistinctPeople);
        ((double)fields["email"]["fillRate"]!).Should().Be(1);
        ((double)fields["score"]["fillRate"]!).Should().Be(0.75);
    }

    [Fact]
    public async Task Fields_human_output_shows_type_origin_and_rate()
    {
        await ImportAllAsync();

        var result = await _workspace.RunAsync("fields", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("FILL RATE");
        result.Stdout.Split('\n').Should().Contain(l => l.StartsWith("score ", StringComparison.Ordinal) && l.Contains("number") && l.Contains("3/4") && l.Contains("75 %"));
    }

    [Fact]
    public async Task Merges_json_says_which_profile_absorbed_which_and_why()
    {
        await ImportAllAsync();

        var result = await _workspace.RunAsync("--json", "merges", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        var merge = result.Json.AsArray().Should().ContainSingle().Subject!.AsObject();
        merge.Select(p => p.Key).Should().Equal("survivor", "merged", "alias", "causedBy", "mergedAt", "reason", "probability", "undone", "splitAt");
        long.Parse((string)merge["survivor"]!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeLessThan(long.Parse((string)merge["merged"]!, System.Globalization.CultureInfo.InvariantCulture));
        merge["alias"].Should().BeOfType<JsonObject>();
        ((string)merge["causedBy"]!["source"]!).Should().Be("enrichment");
        ((string)merge["causedBy"]!["id"]!).Should().Be("1");
        DateTimeOffset.Parse((string)merge["mergedAt"]!, System.Globalization.CultureInfo.InvariantCulture).Should().BeAfter(DateTimeOffset.UnixEpoch);
        ((string)merge["reason"]!).Should().Contain("enrichment/people/1");
    }

    [Fact]
    public async Task Merges_human_output_is_a_table()
    {
        await ImportAllAsync();

        var result = await _workspace.RunAsync("merges", "--kind", "person");
        var none = await _workspace.RunAsync("merges", "--kind", "company");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("SURVIVOR").And.Contain("enrichment/people/1");
        none.Stdout.Should().Contain("(no merges)");
    }

    [Fact]
    public async Task Merges_explain_shows_the_alias_joining_each_record()
    {
        await ImportAllAsync();
        var merges = await _workspace.RunAsync("--json", "merges", "--kind", "person");
        var survivor = (string)merges.Json.AsArray()[0]!["survivor"]!;

        var json = await _workspace.RunAsync("--json", "merges", "--kind", "person", "--explain", survivor);
        var text = await _workspace.RunAsync("merges", "--kind", "person", "--explain", survivor);

        json.ExitCode.Should().Be(0, json.ToString());
        json.Json.AsObject().Select(p => p.Key).Should().Equal("profile", "links", "unlinked", "merges");
        ((string)json.Json["profile"]!).Should().Be(survivor);
        json.Json["links"]!.AsArray().Should().NotBeEmpty();
        json.Json["merges"]!.AsArray().Should().ContainSingle();
        text.Stdout.Should().Contain("joined").And.Contain("Merges behind this profile");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("999")]
    public async Task Merges_explain_of_an_unknown_profile_exits_1(string id)
    {
        await ImportAllAsync();

        var result = await _workspace.RunAsync("merges", "--kind", "person", "--explain", id);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("--explain");
    }

    private async Task ImportAllAsync()
    {
        foreach (var args in new[]
        {
            PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)),
            PeopleFiles.Import(PeopleFiles.Webinar(_workspace)),
            PeopleFiles.Import(PeopleFiles.Enrichment(_workspace)),
        })
        {
            var result = await _workspace.RunAsync(args);
            result.ExitCode.Should().Be(0, result.ToString());
        }
    }
}
