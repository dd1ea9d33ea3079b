using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Matching;

/// <summary>
/// One way a person names its company: a company's source record, or a normalized company domain.
/// <see cref="Of"/> lists them in the order they are tried, so a single lookup of a person's company
/// and a bulk resolution of every person's company give the same answer.
/// </summary>
internal readonly record struct CompanyReference(SourceRecordKey? Account, string? Domain)
{
    /// <summary>
    /// The references of a person, most authoritative first: the company links of its source records
    /// in survivorship order (per link, the account before the domain), then the domains of its email
    /// aliases (the guard rails keep free-mail domains out of company aliases, so those never resolve).
    /// </summary>
    public static IEnumerable<CompanyReference> Of(Profile person, AliasNormalizer normalizer)
    {
        foreach (var link in person.CompanyLinks)
        {
            if (link.Account is { } account)
            {
                yield return new CompanyReference(account, null);
            }

            if (link.Domain is { } domain && Normalize(domain, normalizer) is { } normalized)
            {
                yield return new CompanyReference(null, normalized);
            }
        }

        foreach (var alias in person.Aliases)
        {
            if (alias.Field == AliasFields.Email && Normalize(alias.Value[(alias.Value.LastIndexOf('@') + 1)..], normalizer) is { } domain)
            {
                yield return new CompanyReference(null, domain);
            }
        }
    }

    private static string? Normalize(string domain, AliasNormalizer normalizer)
    {
        var normalized = normalizer.Normalize(AliasFields.Domain, domain);
        return normalized.IsValid ? normalized.Value : null;
    }
}
