using System.Globalization;

namespace Audiences.Sdk.Testing.Fakes.Salesforce;

/// <summary>A record the fake holds: its id, its field values, when it last changed and whether it is in the recycle bin.</summary>
internal sealed class SalesforceFakeRecord(string id)
{
    private DateTimeOffset _systemModstamp;
    private string? _stampText;

    public string Id { get; } = id;

    public Dictionary<string, string?> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    public DateTimeOffset SystemModstamp
    {
        get => _systemModstamp;
        set
        {
            _systemModstamp = value;
            _stampText = null;
        }
    }

    public bool IsDeleted { get; set; }

    // Called for every field of every record a query job selects, so it neither allocates nor formats twice.
    public string? Value(string field) =>
        string.Equals(field, "Id", StringComparison.OrdinalIgnoreCase) ? Id
        : string.Equals(field, "SystemModstamp", StringComparison.OrdinalIgnoreCase) ? _stampText ??= _systemModstamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
        : string.Equals(field, "IsDeleted", StringComparison.OrdinalIgnoreCase) ? IsDeleted ? "true" : "false"
        : Fields.GetValueOrDefault(field);
}
