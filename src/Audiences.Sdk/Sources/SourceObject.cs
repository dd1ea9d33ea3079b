namespace Audiences.Sdk.Sources;

/// <summary>An object a source can read, such as a query's result, a file, or a CRM's Contact.</summary>
/// <param name="Name">The object's name, as read requests name it.</param>
/// <param name="Fields">Its fields, in the source's order.</param>
public sealed record SourceObject(string Name, IReadOnlyList<SourceField> Fields)
{
    /// <summary>
    /// Whether the object can be read incrementally (<see cref="SourceReadMode.Incremental"/>) on a timestamp field;
    /// false for one read only in full, such as a file. A sync naming a timestamp field for such an object is refused.
    /// </summary>
    public bool ReadsIncrementally { get; init; } = true;
}
