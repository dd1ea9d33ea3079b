namespace Audiences.Sdk.Destinations;

/// <summary>What a destination holds and what it can do.</summary>
/// <param name="ObjectName">The object records are written to (a table, a CRM object, an ad audience).</param>
/// <param name="KeyField">The destination field records are found by (an id column, <c>email</c>).</param>
/// <param name="Fields">The fields that can be written, the key field included.</param>
public sealed record DestinationDescription(string ObjectName, string KeyField, IReadOnlyList<DestinationField> Fields)
{
    /// <summary>The most writes one <see cref="IDestination.WriteAsync"/> call takes.</summary>
    public int MaxBatchSize { get; init; } = 1_000;

    /// <summary>The most keys one <see cref="IDestination.ReadAsync"/> call takes.</summary>
    public int MaxReadSize { get; init; } = 1_000;

    /// <summary>Whether current values can be read (needed for <c>Write if empty</c> and to know which records exist).</summary>
    public bool CanRead { get; init; } = true;

    /// <summary>Whether records can be created.</summary>
    public bool CanCreate { get; init; }

    /// <summary>Whether records can be removed.</summary>
    public bool CanRemove { get; init; }
}
