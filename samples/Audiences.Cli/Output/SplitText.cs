using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Output;

/// <summary>The human-readable result of undoing a merge.</summary>
internal static class SplitText
{
    /// <summary>The split's reason, then the records each of the two profiles holds now.</summary>
    /// <param name="writer">Where the text goes.</param>
    /// <param name="split">The split ledger entry.</param>
    /// <param name="restored">The restored profile as read after the split, for its name; null to show none.</param>
    /// <param name="survivor">The profile that had absorbed it, likewise.</param>
    public static void Write(TextWriter writer, SplitRecord split, Profile? restored, Profile? survivor)
    {
        writer.WriteLine($"{char.ToUpperInvariant(split.Reason[0])}{split.Reason[1..]}.");
        writer.WriteLine();
        WriteSide(writer, "Restored", split.Kind, split.RestoredId, restored, split.RestoredRecords);
        WriteSide(writer, "Survivor", split.Kind, split.SurvivorId, survivor, split.RemainingRecords);
    }

    private static void WriteSide(TextWriter writer, string role, EntityKind kind, ProfileId id, Profile? profile, IReadOnlyList<SourceRecordKey> records)
    {
        var name = profile is null ? string.Empty : ProfileText.DisplayName(profile);
        writer.WriteLine($"{role} {Names.Kind(kind)} {id}{(name.Length > 0 ? $" ({name})" : string.Empty)}: {records.Count} record(s)");
        foreach (var record in records)
        {
            writer.WriteLine($"  {record}");
        }
    }
}
