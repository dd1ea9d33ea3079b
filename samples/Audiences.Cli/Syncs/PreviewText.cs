using Audiences.Cli.Output;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Syncs;

/// <summary>The human-readable view of <c>import preview</c>: the mapping, the records, the warnings, and the --map options for files.</summary>
internal static class PreviewText
{
    public static void Write(TextWriter writer, SyncPreview preview, IReadOnlyList<string>? csvMap)
    {
        writer.WriteLine("Mapping:");
        var mapping = new TextTable("SOURCE FIELD", "FIELD", "TYPE", "REASON", "ALIAS");
        foreach (var proposal in preview.Mapping)
        {
            mapping.Add(proposal.SourceField, proposal.Field ?? "(left out)", Names.Type(proposal.Type), proposal.Reason, proposal.IsAlias ? "yes" : string.Empty);
        }

        mapping.WriteTo(writer, "  ");
        writer.WriteLine();
        writer.WriteLine(preview.Records.Count == 0 ? "No records would land." : $"The first {Formats.Count(preview.Records.Count)} record(s) as they would land:");
        foreach (var record in preview.Records)
        {
            writer.WriteLine($"  {record.Key}");
            foreach (var (key, value) in record.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                writer.WriteLine($"    {key} = {Formats.OneLine(value.ToString())}");
            }
        }

        writer.WriteLine();
        if (preview.Warnings.Count == 0)
        {
            writer.WriteLine("No warnings.");
        }
        else
        {
            writer.WriteLine("Warnings:");
            foreach (var warning in preview.Warnings)
            {
                writer.WriteLine($"  {Formats.OneLine(warning)}");
            }
        }

        if (csvMap is null)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine(csvMap.Count == 0
            ? "'import csv' lands every column as shown above without --map."
            : "'import csv' maps columns by name only; to land them as shown above, add: " + string.Join(' ', csvMap.Select(m => $"--map \"{m}\"")));
    }
}
