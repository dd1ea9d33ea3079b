using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// The view of one record a filter is evaluated against: its field values, its related records by
/// type and its linked entities by name.
/// </summary>
/// <remarks>Implementations are read during evaluation only; they must not change while a filter runs.</remarks>
public interface IFilterRecord
{
    /// <summary>The value of a field, or <see cref="FieldValue.Empty"/> when the record has none.</summary>
    /// <param name="field">The field key as the catalog spells it.</param>
    FieldValue GetValue(string field);

    /// <summary>The related records of one type (e.g. <c>opportunities</c>); empty when there are none.</summary>
    /// <param name="type">The related record type as the catalog spells it.</param>
    IReadOnlyList<IFilterRecord> GetRelated(string type);

    /// <summary>A linked entity (e.g. a person's <c>company</c>), or null when there is none.</summary>
    /// <param name="entity">The linked entity's name as the catalog spells it.</param>
    IFilterRecord? GetLinked(string entity);
}
