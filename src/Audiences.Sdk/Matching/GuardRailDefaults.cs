namespace Audiences.Sdk.Matching;

/// <summary>The default lists of <see cref="MatchingGuardRails"/>.</summary>
internal static class GuardRailDefaults
{
    /// <summary>RFC 2142 mailboxes plus the role addresses CRMs fill up with.</summary>
    public static readonly string[] RoleMailboxes =
    [
        // RFC 2142
        "info", "marketing", "sales", "support", "abuse", "noc", "security", "postmaster", "hostmaster", "usenet",
        "news", "webmaster", "www", "uucp", "ftp",
        // Common role and system addresses
        "admin", "administrator", "contact", "contactus", "hello", "hi", "team", "office", "help", "helpdesk", "service",
        "customerservice", "billing", "accounts", "accounting", "finance", "invoices", "hr", "jobs", "careers", "recruiting",
        "press", "media", "pr", "legal", "privacy", "compliance", "it", "ops", "operations", "enquiries", "inquiries",
        "feedback", "partners", "bizdev", "orders", "shop", "store", "reception", "mail", "email", "noreply", "no-reply",
        "donotreply", "do-not-reply", "mailer-daemon", "notifications", "newsletter", "root", "test", "all", "everyone", "staff",
    ];

    /// <summary>Whole values that mean "unknown" in exported data.</summary>
    public static readonly string[] PlaceholderValues =
    [
        "null", "nil", "none", "n/a", "na", "n.a.", "-", "--", "---", "-1", "0", "?", "unknown", "not available", "tbd", "x", "xx", "xxx",
        "asdf", "test", "test@test.com", "test@example.com", "example@example.com", "email@example.com", "user@example.com",
        "name@example.com", "noemail@noemail.com", "no@email.com", "none@none.com", "a@a.com", "abc@abc.com", "email@email.com",
        "linkedin.com/in/me", "linkedin.com/in/test",
    ];

    /// <summary>Public mail services: an address there says nothing about the person's company.</summary>
    public static readonly string[] FreeMailDomains =
    [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "hotmail.fr", "live.com", "msn.com",
        "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com", "aol.com", "icloud.com", "me.com", "mac.com",
        "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "yandex.ru", "yandex.com",
        "mail.ru", "qq.com", "163.com", "126.com", "zoho.com", "fastmail.com", "hey.com", "tutanota.com", "comcast.net",
        "verizon.net", "att.net", "orange.fr", "free.fr", "laposte.net", "libero.it", "t-online.de", "btinternet.com",
        "sky.com", "naver.com", "rediffmail.com",
    ];
}
