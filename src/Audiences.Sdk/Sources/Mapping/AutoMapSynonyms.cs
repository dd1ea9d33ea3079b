using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sources;

/// <summary>
/// Column names of CRM and spreadsheet exports that mean a field whose meaning depends on the kind: a company's
/// website is a person's company link but a company's own domain. Names not here fall back to <c>FieldSynonyms</c>.
/// </summary>
internal static class AutoMapSynonyms
{
    private static readonly Dictionary<string, string[]> Person = new(StringComparer.Ordinal)
    {
        ["email"] = [AliasFields.Email],
        ["e mail"] = [AliasFields.Email],
        ["email address"] = [AliasFields.Email],
        ["e mail address"] = [AliasFields.Email],
        ["work email"] = [AliasFields.Email],
        ["work email address"] = [AliasFields.Email],
        ["business email"] = [AliasFields.Email],
        ["primary email"] = [AliasFields.Email],
        ["company website"] = [AliasFields.CompanyDomain],
        ["company domain"] = [AliasFields.CompanyDomain],
        ["company url"] = [AliasFields.CompanyDomain],
        ["website"] = [AliasFields.CompanyDomain],
        ["website url"] = [AliasFields.CompanyDomain],
        ["account website"] = [AliasFields.CompanyDomain],
        ["linkedin"] = [AliasFields.LinkedInUrl],
        ["linkedin url"] = [AliasFields.LinkedInUrl],
        ["linkedin profile"] = [AliasFields.LinkedInUrl],
        ["person linkedin url"] = [AliasFields.LinkedInUrl],
        ["mobile"] = [AliasFields.Phone],
        ["phone number"] = [AliasFields.Phone],
        ["company"] = ["company_name"],
        ["company name"] = ["company_name"],
        ["account name"] = ["company_name"],
    };

    private static readonly Dictionary<string, string[]> Company = new(StringComparer.Ordinal)
    {
        ["website"] = [AliasFields.Domain],
        ["company website"] = [AliasFields.Domain],
        ["web site"] = [AliasFields.Domain],
        ["url"] = [AliasFields.Domain],
        ["website url"] = [AliasFields.Domain],
        ["company domain"] = [AliasFields.Domain],
        ["domain name"] = [AliasFields.Domain],
        ["linkedin"] = [AliasFields.LinkedInUrl],
        ["linkedin url"] = [AliasFields.LinkedInUrl],
        ["company linkedin url"] = [AliasFields.LinkedInUrl],
        ["company"] = ["name"],
        ["company name"] = ["name"],
        ["account name"] = ["name"],
        ["number of employees"] = ["employees"],
        ["employee count"] = ["employees"],
        ["employees"] = ["employees"],
    };

    /// <summary>The field keys a phrase means for a kind, or null when this table has none.</summary>
    public static IReadOnlyList<string>? For(EntityKind kind, string phrase) =>
        (kind == EntityKind.Company ? Company : Person).TryGetValue(phrase, out var keys) ? keys : null;
}
