using System.Text.Json.Nodes;

namespace Audiences.Cli.Tests;

public sealed class MergesUndoCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Undo_json_is_one_document_with_both_sides_records()
    {
        var (survivor, merged) = await ImportAllAsync();

        var result = await _workspace.RunAsync("--json", "merges", "undo", merged);

        result.ExitCode.Should().Be(0, result.ToString());
        var split = result.Json.AsObject();
        split.Select(p => p.Key).Should().Equal("kind", "restored", "survivor", "mergeVersion", "restoredRecords", "remainingRecords", "splitAt", "reason");
        ((string)split["kind"]!).Should().Be("person");
        ((string)split["restored"]!).Should().Be(merged);
        ((string)split["survivor"]!).Should().Be(survivor);
        Keys(split["restoredRecords"]!).Should().Equal("webinar/people/3");
        Keys(split["remainingRecords"]!).Should().BeEquivalentTo("crm/people/3", "enrichment/people/1");
        ((string)split["reason"]!).Should().Contain($"profile {merged} into {survivor}").And.Contain("kept apart");
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be((PeopleFiles.DistinctPeople + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Undo_text_prints_the_reason_and_the_records_of_both_profiles()
    {
        var (survivor, merged) = await ImportAllAsync();

        var result = await _workspace.RunAsync("merges", "undo", merged, "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].Should().StartWith($"The merge of profile {merged} into {survivor}").And.EndWith("the two are kept apart.");
        lines.Should().ContainInOrder(
            $"Restored person {merged} (A. Turing): 1 record(s)", "webinar/people/3",
            $"Survivor person {survivor} (Alan Turing): 2 record(s)");
        lines.Should().Contain("crm/people/3").And.Contain("enrichment/people/1");
    }

    [Fact]
    public async Task Merges_listing_marks_an_undone_merge()
    {
        var (_, merged) = await ImportAllAsync();
        (await _workspace.RunAsync("merges", "undo", merged)).ExitCode.Should().Be(0);

        var json = await _workspace.RunAsync("--json", "merges", "--kind", "person");
        var text = await _workspace.RunAsync("merges", "--kind", "person");

        var merge = json.Json.AsArray().Should().ContainSingle().Subject!;
        ((bool)merge["undone"]!).Should().BeTrue();
        DateTimeOffset.Parse((string)merge["splitAt"]!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeOnOrAfter(DateTimeOffset.Parse((string)merge["mergedAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        var lines = text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().EndWith("UNDONE AT");
        lines[1].Should().EndWith("UTC").And.Contain(merged).And.MatchRegex("UTC .*UTC$");
    }

    [Fact]
    public async Task Merges_listing_without_undone_merges_keeps_its_five_columns()
    {
        await ImportAllAsync();

        var text = await _workspace.RunAsync("merges", "--kind", "person");
        var json = await _workspace.RunAsync("--json", "merges", "--kind", "person");

        text.Stdout.Should().NotContain("UNDONE");
        var merge = json.Json.AsArray().Should().ContainSingle().Subject!;
        ((bool)merge["undone"]!).Should().BeFalse();
        merge["splitAt"].Should().BeNull();
        merge["probability"].Should().BeNull("an alias merge has no probability");
    }

    [Fact]
    public async Task Undo_of_an_id_that_was_never_used_exits_1_naming_it()
    {
        await ImportAllAsync();

        AssertBadInput(await _workspace.RunAsync("merges", "undo", "999"), "merges undo 999: No profile ever had the id 999.");
    }

    [Fact]
    public async Task Undo_of_a_live_profile_exits_1()
    {
        var (survivor, _) = await ImportAllAsync();

        AssertBadInput(await _workspace.RunAsync("merges", "undo", survivor), $"merges undo {survivor}: Profile {survivor} is live");
    }

    [Fact]
    public async Task Undoing_twice_exits_1_the_second_time()
    {
        var (_, merged) = await ImportAllAsync();
        (await _workspace.RunAsync("merges", "undo", merged)).ExitCode.Should().Be(0);

        AssertBadInput(await _workspace.RunAsync("--json", "merges", "undo", merged), "already undone");
    }

    [Theory]
    [InlineData("abc", "'abc' is not a profile id")]
    [InlineData("0", "'0' is not a profile id")]
    public async Task Undo_of_something_that_is_not_an_id_exits_1(string id, string problem)
    {
        await ImportAllAsync();

        AssertBadInput(await _workspace.RunAsync("merges", "undo", id), problem);
    }

    [Fact]
    public async Task Undo_with_another_kind_exits_1_and_changes_nothing()
    {
        var (_, merged) = await ImportAllAsync();

        AssertBadInput(await _workspace.RunAsync("merges", "undo", merged, "--kind", "company"), "is a person, not a company");
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be("4");
    }

    [Fact]
    public async Task Undo_help_shows_the_id_argument()
    {
        var command = await _workspace.RunAsync("merges", "undo", "--help");
        var full = await _workspace.RunAsync("--help");

        command.ExitCode.Should().Be(0);
        command.Stdout.Should().Contain("Audiences.Cli merges undo <ID> [options]")
            .And.Contain("Arguments:").And.Contain("  <ID>  the id of the profile that was merged away").And.Contain("--kind <person|company>");
        full.Stdout.Should().Contain("merges undo <ID>").And.Contain("  merges  ");
    }

    internal static void AssertBadInput(CliResult result, string mention)
    {
        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("error: ").And.Contain(mention);
    }

    private static IEnumerable<string> Keys(JsonNode records) =>
        records.AsArray().Select(r => $"{r!["source"]}/{r["object"]}/{r["id"]}");

    /// <summary>Imports the three people files, which merge Alan's webinar profile into his CRM one; returns both ids.</summary>
    private async Task<(string Survivor, string Merged)> ImportAllAsync()
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

        var merge = (await _workspace.RunAsync("--json", "merges", "--kind", "person")).Json.AsArray().Should().ContainSingle().Subject!;
        return ((string)merge["survivor"]!, (string)merge["merged"]!);
    }
}
