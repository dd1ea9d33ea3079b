using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>review accept ID</c> (the pair's profiles are merged, with its probability) and
/// <c>review reject ID</c> (the records are different entities and are not proposed again).
/// --json: the review as decided (see <see cref="CliJson.Review"/>).
/// </summary>
internal sealed class ReviewDecideCommand : CliCommand
{
    private readonly bool _accept;
    private readonly Argument<long> _id = new("ID")
    {
        Description = "the review's id, as 'review list' shows it",
        CustomParser = Parsers.One(CommandArguments.ReviewId),
    };

    public ReviewDecideCommand(bool accept)
        : base(
            accept ? "accept" : "reject",
            accept
                ? "accepts a queued pair: the profiles holding its two records are merged"
                : "rejects a queued pair: its two records are different, and are not proposed again")
    {
        _accept = accept;
        Arguments.Add(_id);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(_id);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        MatchReview review;
        try
        {
            review = _accept
                ? await session.Profiles.AcceptReviewAsync(id, cancellationToken)
                : await session.Profiles.RejectReviewAsync(id, cancellationToken);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            // No such review, one already decided, or an undone merge that keeps the two apart.
            throw new InputException($"{Path} {id}: {e.Message}", e);
        }

        if (context.Json)
        {
            context.WriteJson(CliJson.Review(review));
        }
        else
        {
            var kind = Names.Kind(review.Kind);
            context.Out.WriteLine(_accept
                ? $"Accepted review {id}: {review.Left} and {review.Right} are one {kind}; their profiles were merged with probability {Formats.Probability(review.MatchProbability)} ('merges --kind {kind}' lists it)."
                : $"Rejected review {id}: {review.Left} and {review.Right} are different {Names.Plural(review.Kind)}; probabilistic matching will not propose them again.");
        }

        return ExitCodes.Success;
    }
}
