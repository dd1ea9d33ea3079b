using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>review accept ID</c> (the pair's profiles are merged, with its probability) and
/// <c>review reject ID</c> (the records are different entities and are not proposed again).
/// --json: the review as decided (see <see cref="CliJson.Review"/>).
/// </summary>
internal sealed class ReviewDecideCommand(bool accept) : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["review", accept ? "accept" : "reject"];

    public string Summary => accept
        ? "accepts a queued pair: the profiles holding its two records are merged"
        : "rejects a queued pair: its two records are different, and are not proposed again";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [new("ID", "the review's id, as 'review list' shows it")];

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var name = CommandRegistry.NameOf(this);
        var id = CommandArguments.ReviewId(name, options.GetRequiredArgument("ID"));
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        MatchReview review;
        try
        {
            review = accept
                ? await session.Profiles.AcceptReviewAsync(id, cancellationToken)
                : await session.Profiles.RejectReviewAsync(id, cancellationToken);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            // No such review, one already decided, or an undone merge that keeps the two apart.
            throw new InputException($"{name} {id}: {e.Message}", e);
        }

        if (context.Json)
        {
            context.WriteJson(CliJson.Review(review));
        }
        else
        {
            var kind = Names.Kind(review.Kind);
            context.Out.WriteLine(accept
                ? $"Accepted review {id}: {review.Left} and {review.Right} are one {kind}; their profiles were merged with probability {Formats.Probability(review.MatchProbability)} ('merges --kind {kind}' lists it)."
                : $"Rejected review {id}: {review.Left} and {review.Right} are different {Names.Plural(review.Kind)}; probabilistic matching will not propose them again.");
        }

        return ExitCodes.Success;
    }
}
