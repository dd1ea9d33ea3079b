using System.Globalization;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Output;

/// <summary>The human-readable match review queue: one row per pair, its per-field evidence under it.</summary>
internal static class ReviewText
{
    private const int MaxValueWidth = 30;

    public static void WriteTable(TextWriter writer, IReadOnlyList<MatchReview> reviews, string empty)
    {
        if (reviews.Count == 0)
        {
            writer.WriteLine(empty);
            return;
        }

        var table = new TextTable("ID", "KIND", "PROBABILITY", "WEIGHT", "LEFT", "RIGHT", "STATUS").AlignRight(0, 2, 3);
        foreach (var review in reviews)
        {
            table.Add(
                review.Id.ToString(CultureInfo.InvariantCulture),
                Names.Kind(review.Kind),
                Formats.Probability(review.MatchProbability),
                Weight(review.MatchWeight),
                review.Left.ToString(),
                review.Right.ToString(),
                Names.Status(review.Status));
            foreach (var line in EvidenceLines(review.Evidence))
            {
                table.AddDetail(line);
            }
        }

        table.WriteTo(writer);
    }

    /// <summary>
    /// <c>field: level (weight)  left ≠ right</c> per compared field, with the fields and levels
    /// padded so the values line up.
    /// </summary>
    public static IEnumerable<string> EvidenceLines(IReadOnlyList<MatchEvidence> evidence)
    {
        if (evidence.Count == 0)
        {
            yield break;
        }

        var fieldWidth = evidence.Max(e => e.Field.Length) + 1;
        var scores = evidence.Select(e => $"{e.Level} ({Weight(e.Weight)})").ToList();
        var scoreWidth = scores.Max(s => s.Length);
        for (var i = 0; i < evidence.Count; i++)
        {
            var e = evidence[i];
            var same = string.Equals(e.LeftValue, e.RightValue, StringComparison.Ordinal) ? "=" : "≠";
            yield return $"{(e.Field + ":").PadRight(fieldWidth)} {scores[i].PadRight(scoreWidth)}  {Value(e.LeftValue)} {same} {Value(e.RightValue)}";
        }
    }

    /// <summary>A match weight with its sign, e.g. <c>+3.25</c>, <c>-1.5</c>, <c>0</c>.</summary>
    public static string Weight(double weight) => weight.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture);

    private static string Value(string? value) => value switch
    {
        null => "(empty)",
        { Length: > MaxValueWidth } => string.Concat(value.AsSpan(0, MaxValueWidth - 3), "..."),
        _ => $"'{value}'",
    };
}
