using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>Builds the filter view of a profile, fetching a person's company and the related records only when asked to.</summary>
internal sealed class ProfileRecords(IProfileService profiles)
{
    public async ValueTask<IFilterRecord> ForAsync(Profile profile, bool withCompany, bool withRelated, CancellationToken cancellationToken)
    {
        IFilterRecord? company = null;
        if (withCompany && profile.Kind == EntityKind.Person
            && await profiles.GetCompanyAsync(profile.Id, cancellationToken).ConfigureAwait(false) is { } found)
        {
            company = new ProfileFilterRecord(found, null, null);
        }

        Dictionary<string, IReadOnlyList<IFilterRecord>>? related = null;
        if (withRelated)
        {
            var records = new List<RelatedRecord>();
            await foreach (var record in profiles.ListRelatedRecordsAsync(profile.Id, null, cancellationToken).ConfigureAwait(false))
            {
                records.Add(record);
            }

            related = records.GroupBy(r => r.Type, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<IFilterRecord>)g.Select(r => (IFilterRecord)new FilterRecord(r.Values)).ToArray(),
                StringComparer.Ordinal);
        }

        return new ProfileFilterRecord(profile, company, related);
    }
}
