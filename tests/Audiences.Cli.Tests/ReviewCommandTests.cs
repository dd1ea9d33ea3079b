using System.Globalization;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Tests;

public sealed class ReviewCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Review_list_text_shows_each_pair_with_its_evidence_under_it()
    {
        await ImportCrmAsync();
        var id = await QueuedReviews.QueueAsync(_workspace.DatabasePath, "crm/1", "crm/2", 0.8);

        var result = await _workspace.RunAsync("review", "list", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToArray();
        lines.Should().HaveCount(5);
        lines[0].Should().MatchRegex("^ID +KIND +PROBABILITY +WEIGHT +LEFT +RIGHT +STATUS$");
        lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            Id(id), "person", "0.8", "+2", "crm/people/1", "crm/people/2", "pending");
        lines[2].Should().Be("    name:  jaro-winkler ≥ 0.88 (+3.25)  'Ada Lovelace' ≠ 'Ada L.'");
        lines[3].Should().Be("    dob:   null (0)                     (empty) ≠ '1990-01-01'");
        lines[4].Should().Be("    email: exact (+8.5)                 'ada@example.com' = 'ada@example.com'");
    }

    [Fact]
    public async Task Review_list_json_has_the_pair_its_scores_and_evidence()
    {
        await ImportCrmAsync();
        var id = await QueuedReviews.QueueAsync(_workspace.DatabasePath, "crm/1", "crm/2", 0.8);

        var result = await _workspace.RunAsync("--json", "review", "list");

        result.ExitCode.Should().Be(0, result.ToString());
        var review = result.Json.AsArray().Should().ContainSingle().Subject!.AsObject();
        review.Select(p => p.Key).Should().Equal(
            "id", "kind", "left", "right", "probability", "weight", "evidence", "foundAt", "status", "decidedAt");
        ((long)review["id"]!).Should().Be(id);
        ((string)review["kind"]!).Should().Be("person");
        ((string)review["left"]!["source"]!).Should().Be("crm");
        ((string)review["right"]!["id"]!).Should().Be("2");
        ((double)review["probability"]!).Should().Be(0.8);
        ((double)review["weight"]!).Should().BeApproximately(2, 1e-9);
        var evidence = review["evidence"]!.AsArray();
        evidence.Should().HaveCount(3);
        evidence[0]!.AsObject().Select(p => p.Key).Should().Equal("field", "level", "weight", "left", "right");
        ((string)evidence[0]!["level"]!).Should().Be("jaro-winkler ≥ 0.88");
        ((double)evidence[0]!["weight"]!).Should().Be(3.25);
        evidence[1]!["left"].Should().BeNull();
        ((string)review["foundAt"]!).Should().Be("2026-03-02T08:00:00Z");
        ((string)review["status"]!).Should().Be("pending");
        review["decidedAt"].Should().BeNull();
    }

    [Fact]
    public async Task Review_list_filters_by_kind_and_status()
    {
        await ImportCrmAsync();
        var person = await QueuedReviews.QueueAsync(_workspace.DatabasePath, "crm/1", "crm/2", 0.8);
        var company = await QueuedReviews.QueueAsync(_workspace.DatabasePath, "accounts/A1", "accounts/A2", 0.7, EntityKind.Company, []);
        (await _workspace.RunAsync("review", "reject", Id(person))).ExitCode.Should().Be(0);

        var pending = await _workspace.RunAsync("--json", "review", "list");
        var companies = await _workspace.RunAsync("--json", "review", "list", "--kind", "company", "--status", "all");
        var rejected = await _workspace.RunAsync("--json", "review", "list", "--status", "rejected");
        var all = await _workspace.RunAsync("--json", "review", "list", "--status", "all");
        var noPeople = await _workspace.RunAsync("review", "list", "--kind", "person");
        var noAccepted = await _workspace.RunAsync("review", "list", "--status", "accepted");

        Ids(pending).Should().Equal(company);
        Ids(companies).Should().Equal(company);
        Ids(rejected).Should().Equal(person);
        Ids(all).Should().Equal(person, company);
        noPeople.Stdout.Should().Be("(no pending reviews)" + Environment.NewLine);
        noAccepted.Stdout.Should().Be("(no accepted reviews)" + Environment.NewLine);
    }

    [Fact]
    public async Task Accept_merges_the_two_profiles_with_the_pair_probability()
    {
        await ImportCrmAsync();
        var id = await QueuedReviews.QueueAsync(_workspace.DatabasePath, "crm/1", "crm/2", 0.8);

        var result = await _workspace.RunAsync("review", "accept", Id(id));
        var merges = await _workspace.RunAsync("--json", "merges", "--kind", "person");
        var table = await _workspace.RunAsync("merges", "--kind", "person");
        var accepted = await _workspace.RunAsync("--json", "review", "list", "--status", "accepted");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Be(
            $"Accepted review {id}: crm/people/1 and crm/people/2 are one person; their profiles were merged with probability 0.8 ('merges --kind person' lists it).{Environment.NewLine}");
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be("2");
        var merge = merges.Json.AsArray().Should().ContainSingle().Subject!;
        ((double)merge["probability"]!).Should().Be(0.8);
        merge["alias"].Should().BeNull();
        ((bool)merge["undone"]!).Should().BeFalse();
        table.Stdout.Should().Contain("probability 0.8").And.NotContain("(same source record)");
        ((string)accepted.Json.AsArray().Should().ContainSingle().Subject!["status"]!).Should().Be("accepted");
        accepted.Json.AsArray()[0]!["decidedAt"].Should().NotBeNull();
    }

    [Fact]
    public async Task Accept_and_reject_json_print_the_review_as_decided()
    {
        await ImportCrmAsync();
        var first = await QueuedReviews.QueueAsync(_workspace.DatabasePath, "crm/1", "crm/2", 0.8);
        var second = await QueuedReviews.QueueAsync(_workspace.DatabasePath, "crm/2", "crm/3", 0.6);

        var accept = await _workspace.RunAsync("--json", "review", "accept", Id(first));
        var reject = await _workspace.RunAsync("--json", "review", "reject", Id(second));

        accept.ExitCode.Should().Be(0, accept.ToString());
        ((long)accept.Json["id"]!).Should().Be(first);
        ((string)accept.Json["status"]!).Should().Be("accepted");
        reject.ExitCode.Should().Be(0, reject.ToString());
        ((string)reject.Json["status"]!).Should().Be("rejected");
        DateTimeOffset.Parse((string)reject.Json["decidedAt"]!, CultureInfo.InvariantCulture).Should().BeAfter(QueuedReviews.FoundAt);
    }

    [Fact]
    public async Task Reject_keeps_the_profiles_apart_and_says_so()
    {
        await ImportCrmAsync();
        var id = await QueuedReviews.QueueAsync(_workspace.DatabasePath, "crm/1", "crm/2", 0.8);

        var result = await _workspace.RunAsync("review", "reject", Id(id));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Be(
            $"Rejected review {id}: crm/people/1 and crm/people/2 are different people; probabilistic matching will not propose them again.{Environment.NewLine}");
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be("3");
    }

    [Fact]
    public async Task An_accepted_merge_can_be_undone()
    {
        await ImportCrmAsync();
        var id = await QueuedReviews.QueueAsync(_workspace.DatabasePath, "crm/1", "crm/2", 0.8);
        (await _workspace.RunAsync("review", "accept", Id(id))).ExitCode.Should().Be(0);
        var merged = (string)(await _workspace.RunAsync("--json", "merges", "--kind", "person")).Json.AsArray()[0]!["merged"]!;

        var undo = await _workspace.RunAsync("--json", "merges", "undo", merged);

        undo.ExitCode.Should().Be(0, undo.ToString());
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be("3");
    }

    [Fact]
    public async Task Deciding_a_review_that_is_not_there_or_already_decided_exits_1()
    {
        await ImportCrmAsync();
        var id = await QueuedReviews.QueueAsync(_workspace.DatabasePath, "crm/1", "crm/2", 0.8);
        (await _workspace.RunAsync("review", "accept", Id(id))).ExitCode.Should().Be(0);

        MergesUndoCommandTests.AssertBadInput(await _workspace.RunAsync("review", "accept", "999"), "review accept 999: There is no match review 999.");
        MergesUndoCommandTests.AssertBadInput(await _workspace.RunAsync("review", "reject", Id(id)), $"review reject {id}: Match review {id} was already accepted");
        MergesUndoCommandTests.AssertBadInput(await _workspace.RunAsync("--json", "review", "accept", Id(id)), "was already accepted");
    }

    [Fact]
    public async Task Accepting_a_pair_an_undo_keeps_apart_exits_1()
    {
        foreach (var args in new[]
        {
            PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)),
            PeopleFiles.Import(PeopleFiles.Webinar(_workspace)),
            PeopleFiles.Import(PeopleFiles.Enrichment(_workspace)),
        })
        {
            (await _workspace.RunAsync(args)).ExitCode.Should().Be(0);
        }

        var merged = (string)(await _workspace.RunAsync("--json", "merges", "--kind", "person")).Json.AsArray()[0]!["merged"]!;
        (await _workspace.RunAsync("merges", "undo", merged)).ExitCode.Should().Be(0);
        var id = await QueuedReviews.QueueAsync(_workspace.DatabasePath, "crm/3", "webinar/3", 0.9);

        MergesUndoCommandTests.AssertBadInput(await _workspace.RunAsync("review", "accept", Id(id)), $"review accept {id}: Match review {id} cannot be accepted");
    }

    [Theory]
    [InlineData(new[] { "review", "accept", "x" }, "review accept: 'x' is not a review id")]
    [InlineData(new[] { "review", "reject", "-3" }, "review reject: '-3' is not a review id")]
    [InlineData(new[] { "review", "list", "--status", "maybe" }, "--status 'maybe' is not a review status")]
    [InlineData(new[] { "review", "list", "--kind", "robot" }, "--kind 'robot'")]
    public async Task Bad_review_values_exit_1(string[] args, string problem)
    {
        await ImportCrmAsync();

        MergesUndoCommandTests.AssertBadInput(await _workspace.RunAsync(args), problem);
    }

    [Fact]
    public async Task Review_help_shows_the_commands_and_their_arguments()
    {
        var list = await _workspace.RunAsync("review", "list", "--help");
        var accept = await _workspace.RunAsync("help", "review", "accept");
        var full = await _workspace.RunAsync("--help");

        list.Stdout.Should().Contain("--kind <person|company>").And.Contain("--status <pending|accepted|rejected|all>");
        accept.Stdout.Should().Contain("review accept <ID>").And.Contain("  <ID>  the review's id");
        full.Stdout.Should().Contain("review reject <ID>").And.Contain("profiles unlock <ID> <FIELD>");
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<long> Ids(CliResult result) => result.Json.AsArray().Select(r => (long)r!["id"]!);

    private async Task ImportCrmAsync()
    {
        var result = await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)));
        result.ExitCode.Should().Be(0, result.ToString());
    }
}
