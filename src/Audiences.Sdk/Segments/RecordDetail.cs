using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// One record of an audience as the detail view shows it: every catalog field of its kind, split into
/// filled (with each value's source) and empty, and the cursors to step to the neighbouring records.
/// </summary>
/// <param name="AudienceId">The audience.</param>
/// <param name="Profile">The record.</param>
/// <param name="Filled">The catalog fields with a value, ordered by key.</param>
/// <param name="Empty">The catalog fields without one, ordered by key.</param>
/// <param name="Previous">The record before this one in the audience's active set, or null at the start.</param>
/// <param name="Next">The record after this one, or null at the end.</param>
public sealed record RecordDetail(
    long AudienceId,
    Profile Profile,
    IReadOnlyList<FieldDetail> Filled,
    IReadOnlyList<FieldDefinition> Empty,
    ProfileId? Previous,
    ProfileId? Next);
