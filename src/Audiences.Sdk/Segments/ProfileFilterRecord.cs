using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// A profile seen by the filter evaluator without copying its values; the company and related records
/// are attached only when an audience reads them (see <see cref="ProfileRecords"/>).
/// </summary>
internal sealed class ProfileFilterRecord(Profile profile, IFilterRecord? company, IReadOnlyDictionary<string, IReadOnlyList<IFilterRecord>>? related) : IFilterRecord
{
    public Profile Profile { get; } = profile;

    public FieldValue GetValue(string field) => Profile[field];

    public IReadOnlyList<IFilterRecord> GetRelated(string type) =>
        related is not null && related.TryGetValue(type, out var records) ? records : [];

    public IFilterRecord? GetLinked(string entity) =>
        company is not null && string.Equals(entity, LinkedEntity.PersonCompany.Name, StringComparison.Ordinal) ? company : null;
}
