namespace Audiences.Sdk.Filtering;

/// <summary>Where the parts of one parsed node were in the text, so binding errors can point at them.</summary>
/// <param name="Name">The field path, or the collection of a related filter.</param>
/// <param name="Operator">The operator, for a condition.</param>
/// <param name="Values">Each value, in order.</param>
internal sealed record SourceSpans(FilterPosition Name, FilterPosition? Operator, IReadOnlyList<FilterPosition> Values);
