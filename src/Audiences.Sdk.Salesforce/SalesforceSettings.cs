using System.Globalization;

namespace Audiences.Sdk.Salesforce;

/// <summary>The settings the source and the destination share, read from their text settings.</summary>
internal sealed record SalesforceSettings(Uri InstanceUrl, string? Token, string ObjectName, string ApiVersion, IReadOnlyList<string>? Fields)
{
    public const string DefaultApiVersion = "62.0";

    public static SalesforceSettings Read(string kind, Func<string, string?> setting, Func<string, string> required)
    {
        var url = required("instance-url");
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var instanceUrl) || instanceUrl.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"The salesforce {kind}'s setting 'instance-url' is '{url}', which is no http(s) address; write e.g. 'https://acme.my.salesforce.com'.", nameof(setting));
        }

        var version = setting("api-version") is { Length: > 0 } v ? v.TrimStart('v', 'V') : DefaultApiVersion;
        if (!decimal.TryParse(version, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number < 47m)
        {
            throw new ArgumentException($"The salesforce {kind}'s setting 'api-version' is '{version}'; Bulk API 2.0 queries need 47.0 or later.", nameof(setting));
        }

        var fields = setting("fields") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : null;
        var objectName = required("object");
        // Names go into SOQL text as they are, so only API names (letters, digits, underscores) are taken.
        if ((fields ?? []).Prepend(objectName).FirstOrDefault(n => !n.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) is { } bad)
        {
            throw new ArgumentException($"The salesforce {kind}'s setting 'object' or 'fields' names '{bad}', which is no API name (letters, digits and underscores only).", nameof(setting));
        }

        return new SalesforceSettings(instanceUrl, setting("token"), objectName, number.ToString("0.0", CultureInfo.InvariantCulture), fields);
    }

    public ISalesforceTokenProvider Tokens(SalesforceOptions options, string kind) =>
        options.TokenProvider ?? (Token is { Length: > 0 } token && !string.IsNullOrWhiteSpace(token)
            ? new StaticSalesforceTokenProvider(token)
            : throw new ArgumentException($"The salesforce {kind} needs the setting 'token' when the host registers no ISalesforceTokenProvider.", nameof(kind)));
}
