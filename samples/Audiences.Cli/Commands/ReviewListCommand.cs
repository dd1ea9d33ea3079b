using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>review list [--kind K] [--status S]</c>: the match review queue, pending pairs by default, each
/// with the per-field evidence behind its probability. --json: <c>[{...review}, ...]</c> (see <see cref="CliJson.Review"/>).
/// </summary>
internal sealed class ReviewListCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["review", "list"];

    public string Summary => "lists the pairs probabilistic matching queued for review, with the evidence for each field";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Kind with { Required = false, Help = "the kind of profile (default: both)" },
        new("--status", "pending|accepted|rejected|all", "which pairs to list (default pending)"),
    ];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        EntityKind[] kinds = options.Get("--kind") is { } kind ? [Names.ParseKind(kind)] : [EntityKind.Person, EntityKind.Company];
        var status = ParseStatus(options.Get("--status"));
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

    /// <summary>Reads --status; null (every status) for <c>all</c>.</summary>
    /// <exception cref="InputException">The value is not a status.</exception>
    private static ReviewStatus? ParseStatus(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "pending" => ReviewStatus.Pending,
        "accepted" => ReviewStatus.Accepted,
        "rejected" => ReviewStatus.Rejected,
        "all" => null,
        _ => throw new InputException($"--status '{value}' is not a review status; use pending, accepted, rejected or all."),
    };
}
