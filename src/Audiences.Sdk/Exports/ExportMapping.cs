namespace Audiences.Sdk.Exports;

/// <summary>A profile field written to a destination field, under a <see cref="WriteRule"/>.</summary>
/// <param name="Field">The profile field key (of the export's kind).</param>
/// <param name="DestinationField">The destination field it is written to.</param>
public sealed record ExportMapping(string Field, string DestinationField)
{
    /// <summary>When the destination field may be written; <see cref="WriteRule.Never"/> unless named.</summary>
    public WriteRule Rule { get; init; } = WriteRule.Never;
}
