using Audiences.Sdk.Matching;

namespace Audiences.Cli.Output;

/// <summary>The human-readable merge history.</summary>
internal static class MergeText
{
    public static void WriteTable(TextWriter writer, IReadOnlyList<MergeRecord> merges, string indent = "")
    {
        if (merges.Count == 0)
        {
            writer.WriteLine($"{indent}(no merges)");
            return;
        }

        var table = new TextTable("SURVIVOR", "MERGED", "SHARED ALIAS", "CAUSED BY", "TIME").AlignRight(0, 1);
        foreach (var merge in merges)
        {
            table.Add(
                merge.SurvivorId.ToString(),
                merge.MergedId.ToString(),
                merge.Alias?.ToString() ?? "(same source record)",
                merge.CausedBy.ToString(),
                Formats.Time(merge.MergedAt));
        }

        table.WriteTo(writer, indent);
    }
}
