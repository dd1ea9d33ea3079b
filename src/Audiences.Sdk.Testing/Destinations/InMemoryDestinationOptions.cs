using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Destinations;

/// <summary>What an <see cref="InMemoryDestination"/> holds and can do, as its description tells.</summary>
public sealed class InMemoryDestinationOptions
{
    /// <summary>The object records are written to. Default <c>contacts</c>.</summary>
    public string ObjectName { get; init; } = "contacts";

    /// <summary>The field records are found by; it is among <see cref="Fields"/> whether listed there or not. Default <c>id</c>.</summary>
    public string KeyField { get; init; } = "id";

    /// <summary>The fields that can be written, with their types. Default <c>email</c>, <c>name</c> (text), <c>score</c> (number).</summary>
    public IReadOnlyList<DestinationField> Fields { get; init; } =
    [
        new("email", FieldType.Text),
        new("name", FieldType.Text),
        new("score", FieldType.Number),
    ];

    /// <summary>The most writes one call takes; a larger batch is refused with <see cref="ArgumentException"/>. Default 100.</summary>
    public int MaxBatchSize { get; init; } = 100;

    /// <summary>The most keys one read takes; more are refused with <see cref="ArgumentException"/>. Default 100.</summary>
    public int MaxReadSize { get; init; } = 100;

    /// <summary>Whether current values can be read. Default true.</summary>
    public bool CanRead { get; init; } = true;

    /// <summary>Whether records can be created. Default true.</summary>
    public bool CanCreate { get; init; } = true;

    /// <summary>Whether records can be removed. Default true.</summary>
    public bool CanRemove { get; init; } = true;

    /// <summary>
    /// Whether a value must be of its field's type; a value of another type fails its record (not retryable), which is
    /// how a strict destination answers a mapping that converts nothing. Default true.
    /// </summary>
    public bool CheckTypes { get; init; } = true;

    /// <summary>Calls that fail at random, seeded so a test sees the same failures each run; null (the default) for none.</summary>
    public InMemoryDestinationFaults? Faults { get; init; }
}
