namespace Audiences.Sdk.Filtering;

/// <summary>
/// The operator of a <see cref="Condition"/>. Each negative operator is the exact complement of its
/// positive form, so it is true on an empty value.
/// </summary>
public enum FilterOperator
{
    /// <summary><c>=</c>: equal (text ignores case; a list matches when any item is equal).</summary>
    Equal = 1,

    /// <summary><c>!=</c>: the complement of <see cref="Equal"/>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>: numbers and date-times.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>: numbers and date-times.</summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c>: numbers and date-times.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>: numbers and date-times.</summary>
    GreaterThanOrEqual,

    /// <summary><c>contains</c>: text contains the value, ignoring case (a list: any item does).</summary>
    Contains,

    /// <summary><c>not contains</c>: the complement of <see cref="Contains"/>.</summary>
    NotContains,

    /// <summary><c>starts with</c>: text starts with the value, ignoring case (a list: any item does).</summary>
    StartsWith,

    /// <summary><c>ends with</c>: text ends with the value, ignoring case (a list: any item does).</summary>
    EndsWith,

    /// <summary><c>in</c>: equal to one of the values (a list: any item is).</summary>
    In,

    /// <summary><c>not in</c>: the complement of <see cref="In"/>.</summary>
    NotIn,

    /// <summary><c>before</c>: a date-time strictly earlier than the value.</summary>
    Before,

    /// <summary><c>after</c>: a date-time strictly later than the value.</summary>
    After,

    /// <summary><c>between a and b</c>: a number or date-time from a to b, both included.</summary>
    Between,

    /// <summary><c>is empty</c>: the field has no value.</summary>
    IsEmpty,

    /// <summary><c>is not empty</c>: the complement of <see cref="IsEmpty"/>.</summary>
    IsNotEmpty,

    /// <summary><c>within last 90d</c>: a date-time from now minus the duration up to now, both included.</summary>
    WithinLast,

    /// <summary><c>not within last 90d</c>: the complement of <see cref="WithinLast"/>.</summary>
    NotWithinLast,
}
