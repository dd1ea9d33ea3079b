using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports;

/// <summary>What a run would do to one record, field by field, before anything is sent.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Key">Its key in the destination; null when it has none.</param>
/// <param name="Action">What would be done to the record.</param>
/// <param name="Fields">Each mapped destination field with what would be done to it (none for a removal or a skip).</param>
public sealed record ExportPlanRecord(ProfileId Profile, string? Key, ExportPlanAction Action, IReadOnlyList<ExportPlanField> Fields)
{
    /// <summary>Why it would be skipped, removed, or given its membership's out values; null otherwise.</summary>
    public string? Reason { get; init; }
}
