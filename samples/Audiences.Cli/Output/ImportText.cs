using Audiences.Sdk.Import;

namespace Audiences.Cli.Output;

/// <summary>The human-readable summary of an import.</summary>
internal static class ImportText
{
    public static void Write(TextWriter writer, ImportResult result, string indent = "  ")
    {
        writer.WriteLine(FormattableString.Invariant(
            $"{indent}read {result.Read}, created {result.Created}, updated {result.Updated}, unchanged {result.Unchanged}, merged {result.Merged}, rejected {result.Rejected}"));
        if (result.ProbabilisticMerged > 0 || result.QueuedForReview > 0)
        {
            writer.WriteLine(FormattableString.Invariant(
                $"{indent}probabilistic matching: {result.ProbabilisticMerged} of the merges, {result.QueuedForReview} pair(s) queued for review ('review list')"));
        }

        if (result.Unmatchable > 0)
        {
            // Guard rails and invalid values: kept as data, never matched on.
            writer.WriteLine(FormattableString.Invariant(
                $"{indent}{result.Unmatchable} value(s) kept but not matched on, e.g. {Formats.OneLine(result.Warnings[0].ToString())}"));
        }

        if (result.Errors.Count == 0)
        {
            return;
        }

        writer.WriteLine($"{indent}rejected rows:");
        foreach (var error in result.Errors)
        {
            writer.WriteLine($"{indent}  {Formats.OneLine(error.ToString())}");
        }

        if (result.Rejected > result.Errors.Count)
        {
            writer.WriteLine($"{indent}  ... and {Formats.Count(result.Rejected - result.Errors.Count)} more");
        }
    }
}
