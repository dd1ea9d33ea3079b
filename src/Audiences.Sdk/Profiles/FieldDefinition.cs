namespace Audiences.Sdk.Profiles;

/// <summary>One entry of the field catalog: the description of a profile field, held as data.</summary>
/// <param name="Key">The snake_case key, e.g. <c>work_email</c>; unique per entity kind.</param>
/// <param name="Kind">The entity kind the field belongs to.</param>
/// <param name="Type">The value type; every stored value of the field has this type.</param>
/// <param name="Origin">What writes the field: a source name, an enrichment or a signal.</param>
public sealed record FieldDefinition(string Key, EntityKind Kind, FieldType Type, string Origin)
{
    /// <summary>A human-readable name; defaults to the key.</summary>
    public string DisplayName { get; init; } = Key;

    /// <summary>What the field means.</summary>
    public string? Description { get; init; }

    /// <summary>The price of one value where it is bought from a provider, in credits; null when free.</summary>
    public decimal? CostPerRecord { get; init; }

    /// <summary>Whether the field may be written to destinations.</summary>
    public FieldExportStatus ExportStatus { get; init; }
}
