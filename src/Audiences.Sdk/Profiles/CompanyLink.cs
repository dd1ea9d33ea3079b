namespace Audiences.Sdk.Profiles;

/// <summary>
/// How a person record names its company: by the company's domain, or by the company's record
/// in a source (a CRM account id). The link is resolved when the person's company is read, so
/// people and companies can be imported in any order.
/// </summary>
public sealed record CompanyLink
{
    private CompanyLink(string? domain, SourceRecordKey? account)
    {
        Domain = domain;
        Account = account;
    }

    /// <summary>The company's domain as given (normalized when resolved), or null.</summary>
    public string? Domain { get; }

    /// <summary>The company's source record (for example a Salesforce Account), or null.</summary>
    public SourceRecordKey? Account { get; }

    /// <summary>A link by company domain.</summary>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is blank.</exception>
    public static CompanyLink ByDomain(string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        return new CompanyLink(domain.Trim(), null);
    }

    /// <summary>A link by the company's record in a source.</summary>
    /// <exception cref="ArgumentException">The key has a blank part.</exception>
    public static CompanyLink ByAccount(SourceRecordKey account)
    {
        account.EnsureValid();
        return new CompanyLink(null, account);
    }

    /// <inheritdoc />
    public override string ToString() => Domain is not null ? $"domain {Domain}" : $"account {Account}";
}
