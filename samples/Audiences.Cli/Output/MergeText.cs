using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Output;

/// <summary>The human-readable merge history.</summary>
internal static class MergeText
{
    /// <summary>One row per merge; a probabilistic merge shows its probability, and an UNDONE AT column appears when a merge was undone.</summary>
    /// <param name="writer">Where the table goes.</param>
    /// <param name="merges">The merges, in ledger order.</param>
    /// <param name="splits">The splits by the version of the merge they undid; null when not known.</param>
    /// <param name="indent">Put before every line.</param>
    public static void WriteTable(TextWriter writer, IReadOnlyList<MergeRecord> merges, IReadOnlyDictionary<long, SplitRecord>? splits = null, string indent = "")
    {
        if (merges.Count == 0)
        {
            writer.WriteLine($"{indent}(no merges)");
            return;
        }

        // Kept to the original five columns until something was undone, so the common listing reads as before.
        var undone = splits is not null && merges.Any(m => splits.ContainsKey(m.Version));
        string[] headers = ["SURVIVOR", "MERGED", "SHARED ALIAS", "CAUSED BY", "TIME"];
        var table = new TextTable(undone ? [.. headers, "UNDONE AT"] : headers).AlignRight(0, 1);
        foreach (var merge in merges)
        {
            string[] cells = [merge.SurvivorId.ToString(), merge.MergedId.ToString(), MatchedBy(merge), merge.CausedBy.ToString(), Formats.Time(merge.MergedAt)];
            table.Add(undone ? [.. cells, splits!.TryGetValue(merge.Version, out var split) ? Formats.Time(split.SplitAt) : string.Empty] : cells);
        }

        table.WriteTo(writer, indent);
    }

    /// <summary>The alias the profiles shared, or the probability probabilistic matching gave the pair.</summary>
    public static string MatchedBy(MergeRecord merge) => (merge.Alias, merge.MatchProbability) switch
    {
        ({ } alias, { } probability) => $"{alias}, probability {Formats.Probability(probability)}",
        ({ } alias, null) => alias.ToString(),
        (null, { } probability) => $"probability {Formats.Probability(probability)}",
        (null, null) => "(same source record)",
    };

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
        WriteTable(writer, explanation.Merges, indent: "  ");
    }
}
