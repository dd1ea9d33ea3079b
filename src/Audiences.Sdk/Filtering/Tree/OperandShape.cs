namespace Audiences.Sdk.Filtering;

/// <summary>What a <see cref="Condition"/>'s operator takes after the field.</summary>
public enum OperandShape
{
    /// <summary>Nothing: <c>is empty</c>, <c>is not empty</c>.</summary>
    None = 1,

    /// <summary>One value: <c>=</c>, <c>&lt;</c>, <c>contains</c>, <c>before</c>, …</summary>
    One,

    /// <summary>Two values, low then high: <c>between</c>.</summary>
    Range,

    /// <summary>One or more values: <c>in</c>, <c>not in</c>.</summary>
    List,

    /// <summary>A <see cref="RelativeDuration"/>: <c>within last</c>, <c>not within last</c>.</summary>
    Duration,
}
