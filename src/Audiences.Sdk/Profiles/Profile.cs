namespace Audiences.Sdk.Profiles;

/// <summary>
/// One person or company: a stable id, the current value of each field with its provenance,
/// the normalized aliases it is matched on, and every source record that contributed to it.
/// </summary>
/// <param name="Id">The stable id.</param>
/// <param name="Kind">Person or company.</param>
/// <param name="Version">The change version of the last change; it only grows.</param>
/// <param name="CreatedAt">When the profile was first created.</param>
/// <param name="Values">The current values by field key, derived by survivorship; empty values are absent.</param>
/// <param name="Aliases">The normalized aliases that identify the profile.</param>
/// <param name="Sources">The source records kept as provenance, oldest first.</param>
public sealed record Profile(
    ProfileId Id,
    EntityKind Kind,
    long Version,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, ProfileValue> Values,
    IReadOnlyList<AliasKey> Aliases,
    IReadOnlyList<StoredSourceRecord> Sources)
{
    /// <summary>The current value of a field, or <see cref="FieldValue.Empty"/>.</summary>
    public FieldValue this[string field] => Values.TryGetValue(field, out var value) ? value.Value : FieldValue.Empty;

    /// <summary>The company links named by this person's source records, most authoritative first (survivorship order).</summary>
    public IEnumerable<CompanyLink> CompanyLinks =>
        Survivorship.Order(Sources).Where(s => s.Record.Company is not null).Select(s => s.Record.Company!);
}
