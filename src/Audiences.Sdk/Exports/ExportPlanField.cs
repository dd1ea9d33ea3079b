using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports;

/// <summary>One destination field of one record in a write plan.</summary>
/// <param name="DestinationField">The destination field.</param>
/// <param name="Source">What the value comes from: the profile field key, or <c>audience:ID</c> for segment membership.</param>
/// <param name="Value">The value the export would write.</param>
/// <param name="Current">The destination's current value (<see cref="FieldValue.Empty"/> when empty, unknown or the record is new).</param>
/// <param name="Action">Write, kept by rule, or unchanged.</param>
/// <param name="Rule">The mapping's rule (membership is written whenever it changes: <see cref="WriteRule.Always"/>).</param>
public sealed record ExportPlanField(string DestinationField, string Source, FieldValue Value, FieldValue Current, ExportFieldAction Action, WriteRule Rule);
