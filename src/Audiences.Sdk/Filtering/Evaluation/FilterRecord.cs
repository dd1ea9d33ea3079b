using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>A simple <see cref="IFilterRecord"/> over dictionaries, for tests, previews and small in-memory sets.</summary>
/// <remarks>Immutable once built; safe to read from several threads.</remarks>
public sealed class FilterRecord : IFilterRecord
{
    private readonly IReadOnlyDictionary<string, FieldValue> _values;

    /// <summary>Creates a record from its values.</summary>
    /// <param name="values">The values by field key; missing keys read as empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public FilterRecord(IReadOnlyDictionary<string, FieldValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    /// <summary>The related records by type; none by default.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IFilterRecord>> Related { get; init; } =
        new Dictionary<string, IReadOnlyList<IFilterRecord>>();

    /// <summary>The linked entities by name; none by default.</summary>
    public IReadOnlyDictionary<string, IFilterRecord> Linked { get; init; } = new Dictionary<string, IFilterRecord>();

    /// <summary>A record of a profile's current values, with its related records and, for a person, its company.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="related">The profile's related records; none when null.</param>
    /// <param name="company">A person's company profile, read as <c>company.field</c>; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public static FilterRecord FromProfile(Profile profile, IEnumerable<RelatedRecord>? related = null, Profile? company = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var record = new FilterRecord(profile.Values.ToDictionary(p => p.Key, p => p.Value.Value))
        {
            Related = (related ?? []).GroupBy(r => r.Type).ToDictionary(
                g => g.Key, g => (IReadOnlyList<IFilterRecord>)g.Select(r => new FilterRecord(r.Values)).ToArray()),
            Linked = company is null
                ? new Dictionary<string, IFilterRecord>()
                : new Dictionary<string, IFilterRecord> { [LinkedEntity.PersonCompany.Name] = FromProfile(company) },
        };
        return record;
    }

    /// <inheritdoc />
    public FieldValue GetValue(string field) => _values.TryGetValue(field, out var value) ? value : FieldValue.Empty;

    /// <inheritdoc />
    public IReadOnlyList<IFilterRecord> GetRelated(string type) => Related.TryGetValue(type, out var records) ? records : [];

    /// <inheritdoc />
    public IFilterRecord? GetLinked(string entity) => Linked.GetValueOrDefault(entity);
}
