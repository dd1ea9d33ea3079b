using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Import;

/// <summary>Why one input record was rejected; the rest of the import goes on.</summary>
/// <param name="Message">What is wrong and what to do about it.</param>
public sealed record ImportError(string Message)
{
    /// <summary>The 1-based line in the input where the record starts, when the source has lines.</summary>
    public long? Line { get; init; }

    /// <summary>The record's key in its source, when known.</summary>
    public SourceRecordKey? Record { get; init; }

    /// <summary>The field (or column) at fault, when one is.</summary>
    public string? Field { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line is { } line ? $"line {line}" : Record is { } key ? $"record {key}" : "record";
        return Field is null ? $"{where}: {Message}" : $"{where}, field '{Field}': {Message}";
    }
}
