namespace Audiences.Sdk.Testing.Fakes.Salesforce;

/// <summary>A record the fake holds: its id, its field values, when it last changed and whether it is in the recycle bin.</summary>
internal sealed class SalesforceFakeRecord(string id)
{
    public string Id { get; } = id;

    public Dictionary<string, string?> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public DateTimeOffset SystemModstamp { get; set; }

    public bool IsDeleted { get; set; }

    public string? Value(string field) => field.ToUpperInvariant() switch
    {
        "ID" => Id,
        "SYSTEMMODSTAMP" => SystemModstamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        "ISDELETED" => IsDeleted ? "true" : "false",
        _ => Fields.TryGetValue(field, out var value) ? value : null,
    };
}
