namespace Audiences.Sdk.Profiles;

/// <summary>The alias fields the SDK knows how to normalize, and the defaults matched on per kind.</summary>
public static class AliasFields
{
    /// <summary>A person's email address.</summary>
    public const string Email = "email";

    /// <summary>A person's LinkedIn profile URL (or a company's LinkedIn page).</summary>
    public const string LinkedInUrl = "linkedin_url";

    /// <summary>A person's phone number, normalized to E.164.</summary>
    public const string Phone = "phone";

    /// <summary>A company's web domain.</summary>
    public const string Domain = "domain";

    /// <summary>
    /// The alias a converted record (a lead) contributes: the key of the record it was converted
    /// into, so that record finds it when imported later. Always matched on.
    /// </summary>
    public const string ConvertedRecord = "converted_record";

    /// <summary>
    /// The reason a merge names when a record was added to a profile by <see cref="SourceRecord.Profile"/> and its
    /// aliases matched another profile too; its value is the profile id. Never stored as an alias.
    /// </summary>
    public const string AttachedProfile = "attached_profile";

    /// <summary>The field on a person that names its company's domain.</summary>
    public const string CompanyDomain = "company_domain";

    /// <summary>The alias fields matched on when an import does not say: email and LinkedIn URL for people, domain for companies.</summary>
    public static IReadOnlyList<string> DefaultFor(EntityKind kind) => kind == EntityKind.Company ? CompanyDefaults : PersonDefaults;

    private static readonly string[] PersonDefaults = [Email, LinkedInUrl];
    private static readonly string[] CompanyDefaults = [Domain];
}
