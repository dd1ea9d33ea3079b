using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>review list [--kind K] [--status S]</c>: the match review queue, pending pairs by default, each
/// with the per-field evidence behind its probability. --json: <c>[{...review}, ...]</c> (see <see cref="CliJson.Review"/>).
/// </summary>
internal sealed class ReviewListCommand : CliCommand
{
    private readonly Option<EntityKind?> _kind = CommonOptions.OptionalKind("the kind of profile (default: both)");

    private readonly Option<StatusChoice> _status = new("--status")
    {
        Description = "which pairs to list (default pending)",
        HelpName = "pending|accepted|rejected|all",
        DefaultValueFactory = _ => new StatusChoice(ReviewStatus.Pending),
        CustomParser = Parsers.One(ParseStatus),
    };

    public ReviewListCommand()
        : base("list", "lists the pairs probabilistic matching queued for review, with the evidence for each field")
    {
        _status.CompletingWith("pending", "accepted", "rejected", "all");
        Options.Add(_kind);
        Options.Add(_status);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        EntityKind[] kinds = parse.GetValue(_kind) is { } kind ? [kind] : [EntityKind.Person, EntityKind.Company];
        var status = parse.GetRequiredValue(_status).Status;
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var reviews = new List<MatchReview>();
        foreach (var k in kinds)
        {
            await foreach (var review in session.Profiles.ListReviewsAsync(k, status, cancellationToken))
            {
                reviews.Add(review);
            }
        }

        if (context.Json)
        {
            context.WriteJson(new JsonArray(reviews.Select(r => (JsonNode)CliJson.Review(r)).ToArray()));
        }
        else
        {
            ReviewText.WriteTable(context.Out, reviews, status is { } s ? $"(no {Names.Status(s)} reviews)" : "(no reviews)");
        }

        return ExitCodes.Success;
    }

    /// <summary>Reads --status; no status (every one) for <c>all</c>.</summary>
    /// <exception cref="InputException">The value is not a status.</exception>
    private static StatusChoice ParseStatus(string value) => value.Trim().ToLowerInvariant() switch
    {
        "pending" => new(ReviewStatus.Pending),
        "accepted" => new(ReviewStatus.Accepted),
        "rejected" => new(ReviewStatus.Rejected),
        "all" => new(null),
        _ => throw new InputException($"--status '{value}' is not a review status; use pending, accepted, rejected or all."),
    };

    /// <summary>The statuses to list: one, or every one when <see cref="Status"/> is null (a parsed option cannot hold null itself).</summary>
    private sealed record StatusChoice(ReviewStatus? Status);
}
