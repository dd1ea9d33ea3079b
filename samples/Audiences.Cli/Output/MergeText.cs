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

    public static void WriteExplanation(TextWriter writer, MatchExplanation explanation)
    {
        var profile = explanation.Profile;
        writer.WriteLine($"{Names.Kind(profile.Kind)} {profile.Id}: {profile.Sources.Count} source record(s), starting from {profile.Sources[0].Key}");
        foreach (var link in explanation.Links)
        {
            writer.WriteLine($"  {link}");
        }

        foreach (var key in explanation.Unlinked)
        {
            writer.WriteLine($"  {key}: no alias joins it any more (the shared value changed after the merge; see the merges below)");
        }

        writer.WriteLine();
        writer.WriteLine("Merges behind this profile:");
        WriteTable(writer, explanation.Merges, "  ");
    }
}
