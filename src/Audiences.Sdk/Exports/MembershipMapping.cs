using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports;

/// <summary>
/// Segment membership written to a destination field: <see cref="ValueIn"/> while the record is a member of
/// <see cref="Audience"/>, <see cref="ValueOut"/> once it is not (a status, a campaign, a score).
/// </summary>
/// <param name="Audience">The audience whose membership is written.</param>
/// <param name="DestinationField">The destination field it is written to.</param>
/// <param name="ValueIn">The value while the record is a member.</param>
public sealed record MembershipMapping(long Audience, string DestinationField, FieldValue ValueIn)
{
    /// <summary>The value once the record is not a member; <see cref="FieldValue.Empty"/> (the default) clears the field.</summary>
    public FieldValue ValueOut { get; init; } = FieldValue.Empty;
}
