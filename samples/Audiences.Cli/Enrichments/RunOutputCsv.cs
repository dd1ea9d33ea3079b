using System.Globalization;
using Audiences.Sdk.Enrichment;
using CsvHelper;

namespace Audiences.Cli.Enrichments;

/// <summary>
/// A run's outputs as CSV (RFC 4180): <c>run_id, profile_id, outcome, provider, credits, error</c>, then one column per
/// output value key found anywhere in the run (in ordinal order, so two exports of a run have the same columns), each
/// value as the text output writes it and empty when the record has none.
/// </summary>
internal static class RunOutputCsv
{
    public static readonly IReadOnlyList<string> FixedColumns = ["run_id", "profile_id", "outcome", "provider", "credits", "error"];

    /// <summary>The value columns of the outputs: every key any of them holds.</summary>
    public static IReadOnlyList<string> ValueColumns(IEnumerable<EnrichmentRunOutput> outputs) =>
        [.. outputs.SelectMany(o => o.Values.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Writes the header and one row per output.</summary>
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<EnrichmentRunOutput> outputs, IReadOnlyList<string> valueColumns)
    {
        await using var writer = CsvWriter.Create(output, options: null, leaveOpen: true);
        writer.WriteRecord([.. FixedColumns, .. valueColumns]);
        foreach (var row in outputs)
        {
            writer.WriteField(row.RunId.ToString(CultureInfo.InvariantCulture));
            writer.WriteField(row.Profile.ToString());
            writer.WriteField(EnrichmentJson.Outcome(row.Outcome));
            writer.WriteField(row.Provider ?? string.Empty);
            writer.WriteField(CreditAmounts.Format(row.Credits));
            writer.WriteField(row.Error ?? string.Empty);
            foreach (var key in valueColumns)
            {
                writer.WriteField(row.Values.TryGetValue(key, out var value) ? value.ToString() : string.Empty);
            }

            writer.EndRecord();
        }

        await writer.FlushAsync();
    }
}
