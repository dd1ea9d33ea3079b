namespace Audiences.Sdk.Ads;

/// <summary>The reasons a record is not sent. They name the field and the rule, never the value, which is personal data.</summary>
internal static class AdReasons
{
    /// <summary>"No identifier Meta can match (it needs an email or a phone): the email is not an address."</summary>
    public static string NoIdentifier(string platform, string needs, params string?[] why)
    {
        var reasons = why.Where(w => w is not null).ToList();
        var tail = reasons.Count == 0 ? "the record has none." : string.Join("; ", reasons) + ".";
        return $"No identifier {platform} can match (it needs {needs}): {tail}";
    }
}
