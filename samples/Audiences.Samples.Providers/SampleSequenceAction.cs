using System.Globalization;
using System.Text;
using Audiences.Sdk.Enrichment;

namespace Audiences.Samples.Providers;

/// <summary>
/// <c>sample-sequence</c>: a record action that "enrols" the records an enrichment found in an outreach sequence by
/// appending them to a CSV file — what an action-only enrichment hands to a sequencer, kept where a person can read it.
/// </summary>
/// <param name="path">The file to append to; created with a header when missing.</param>
public sealed class SampleSequenceAction(string path) : IRecordAction
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public string Name => "sample-sequence";

    /// <summary>Like a real sequencer, it takes at most 50,000 records a run.</summary>
    public int? MaxRows => 50_000;

    /// <summary>The file the records are appended to.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public Task ExecuteAsync(IReadOnlyList<RecordActionItem> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var text = new StringBuilder();
        foreach (var record in records)
        {
            var found = string.Join("; ", record.Found.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
            text.Append(record.Profile.Id.ToString()).Append(',').Append(Quote(found)).Append('\n');
        }

        cancellationToken.ThrowIfCancellationRequested();

        // One writer at a time, so concurrent runs never interleave half lines; a sample's file is small enough to write in place.
        lock (_gate)
        {
            if (!File.Exists(Path))
            {
                File.WriteAllText(Path, "profile_id,found\n");
            }

            File.AppendAllText(Path, text.ToString());
        }

        return Task.CompletedTask;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : string.Create(CultureInfo.InvariantCulture, $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
}
