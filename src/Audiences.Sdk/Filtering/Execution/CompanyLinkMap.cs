using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Filtering.Execution;

/// <summary>
/// Every person's company, resolved at once with the rules of <see cref="IProfileService.GetCompanyAsync"/>
/// (<see cref="CompanyReference.Of"/>), so that <c>company.x</c> conditions are answered with set
/// operations instead of a company lookup per person.
/// </summary>
internal sealed class CompanyLinkMap
{
    private readonly Dictionary<long, long> _companyOf = [];

    private CompanyLinkMap(OwnerIndex companies) => Companies = companies;

    /// <summary>Every live company, with its records and aliases.</summary>
    public OwnerIndex Companies { get; }

    /// <summary>Every live person.</summary>
    public ProfileIdSet People { get; } = new();

    public static async Task<CompanyLinkMap> BuildAsync(IProfileStore store, AliasNormalizer normalizer, CancellationToken cancellationToken)
    {
        var map = new CompanyLinkMap(await OwnerIndex.BuildAsync(store, EntityKind.Company, cancellationToken).ConfigureAwait(false));
        await foreach (var person in store.ListProfilesAsync(EntityKind.Person, cancellationToken).ConfigureAwait(false))
        {
            map.People.Add(person.Id.Value);
            foreach (var reference in CompanyReference.Of(person, normalizer))
            {
                var company = reference.Account is { } account
                    ? map.Companies.ByRecord(account)
                    : map.Companies.ByAlias(new AliasKey(AliasFields.Domain, reference.Domain!));
                if (company is { } found)
                {
                    map._companyOf[person.Id.Value] = found;
                    break;
                }
            }
        }

        return map;
    }

    /// <summary>
    /// The people whose company is in <paramref name="companies"/>, plus, when <paramref name="withoutCompany"/>
    /// is true, the people with no company (a missing company reads as empty values).
    /// </summary>
    public ProfileIdSet PeopleOf(ProfileIdSet companies, bool withoutCompany)
    {
        var people = withoutCompany ? People.Copy() : new ProfileIdSet();
        foreach (var (person, company) in _companyOf)
        {
            if (companies.Contains(company))
            {
                people.Add(person);
            }
            else if (withoutCompany)
            {
                people.Remove(person);
            }
        }

        return people;
    }
}
