using Audiences.Cli.Cli;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>The field catalog filters are checked against: the database's people and company fields.</summary>
internal static class FilterCatalogs
{
    /// <summary>
    /// Reads the catalog from the database: the fields of both kinds, and a person's <c>company</c>
    /// as the linked entity. Related-record collections are not listed by the service, so a filter
    /// that reaches into them cannot be checked here.
    /// </summary>
    public static async Task<FilterCatalog> LoadAsync(AudiencesSession session, CancellationToken cancellationToken)
    {
        var people = await session.Profiles.GetFieldsAsync(EntityKind.Person, cancellationToken);
        var companies = await session.Profiles.GetFieldsAsync(EntityKind.Company, cancellationToken);
        return new FilterCatalog([.. people, .. companies]);
    }
}
