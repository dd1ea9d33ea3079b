namespace Audiences.Sdk.Filtering;

/// <summary>The complement of a filter: matches exactly the records the operand does not match.</summary>
public sealed record NotFilter : Filter
{
    /// <summary>Creates the complement of <paramref name="operand"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="operand"/> is null.</exception>
    public NotFilter(Filter operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        Operand = operand;
    }

    /// <summary>The negated filter.</summary>
    public Filter Operand { get; }
}
