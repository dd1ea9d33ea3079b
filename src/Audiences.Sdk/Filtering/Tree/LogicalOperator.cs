namespace Audiences.Sdk.Filtering;

/// <summary>How a <see cref="FilterGroup"/> combines its filters.</summary>
public enum LogicalOperator
{
    /// <summary>Every filter must match.</summary>
    And = 1,

    /// <summary>At least one filter must match.</summary>
    Or = 2,
}
