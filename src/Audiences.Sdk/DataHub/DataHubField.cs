using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.DataHub;

/// <summary>One catalog field with how well it is filled and what writes it.</summary>
/// <param name="Definition">The catalog entry: key, kind, type, origin, display name, description, cost and export status.</param>
/// <param name="FilledCount">Live profiles of the field's kind whose current value of the field is not empty (records covered).</param>
/// <param name="RecordCount">All live profiles of the field's kind.</param>
public sealed record DataHubField(FieldDefinition Definition, long FilledCount, long RecordCount)
{
    /// <summary>The field's key, e.g. <c>work_email</c>.</summary>
    public string Key => Definition.Key;

    /// <summary>What first wrote the field (<see cref="FieldDefinition.Origin"/>): a source name, <c>enrichment</c> or a signal.</summary>
    public string Source => Definition.Origin;

    /// <summary>The share of profiles with a value, from 0 to 1 (0 when there are no profiles).</summary>
    public double FillRate => RecordCount == 0 ? 0 : (double)FilledCount / RecordCount;

    /// <summary>The names of the enrichments whose mappings write the field, ordered by name.</summary>
    public IReadOnlyList<string> Enrichments { get; init; } = [];

    /// <summary>The names of the signals that write the field (its flag, its details or the shared summary), ordered by name.</summary>
    public IReadOnlyList<string> Signals { get; init; } = [];
}
