namespace Audiences.Sdk.Matching;

/// <summary>
/// Values that look like identifiers but identify no one, and so are kept as data but never
/// matched on: role mailboxes (RFC 2142 and the common ones), placeholder values, and free-mail
/// domains as company domains. On by default; every list can be changed.
/// </summary>
public sealed class MatchingGuardRails
{
    /// <summary>Whether the guard rails apply. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Mailbox names (the part before <c>@</c>, and before any <c>+tag</c>) that belong to a team, not a person.</summary>
    public ISet<string> RoleMailboxes { get; } = new HashSet<string>(GuardRailDefaults.RoleMailboxes, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whole values that stand for "no value" (<c>n/a</c>, <c>null</c>, <c>test@test.com</c>, …), compared trimmed and ignoring case.</summary>
    public ISet<string> PlaceholderValues { get; } = new HashSet<string>(GuardRailDefaults.PlaceholderValues, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How many source records may share one identifier before it stops merging: a value carried by
    /// this many records already (a shared inbox, a switchboard number, a default URL) joins no more
    /// records, and each refusal is reported. Default 50; at least 2.
    /// </summary>
    public int MaxRecordsPerIdentifier { get; set; } = 50;

    /// <summary>Domains of public mail services, which never identify a company.</summary>
    public ISet<string> FreeMailDomains { get; } = new HashSet<string>(GuardRailDefaults.FreeMailDomains, StringComparer.OrdinalIgnoreCase);
}
