using System.Globalization;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Salesforce;

/// <summary>
/// The fields read from each standard object, the names they are handed out under (Salesforce's standard fields onto
/// the profile's field names, a custom <c>Score__c</c> as <c>score__c</c>) and their types.
/// </summary>
internal static class SalesforceFields
{
    public const string Id = "Id";
    public const string SystemModstamp = "SystemModstamp";
    public const string IsDeleted = "IsDeleted";

    private static readonly Dictionary<string, string[]> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Contact"] = ["Email", "FirstName", "LastName", "Title", "Phone", "AccountId"],
        ["Lead"] = ["Email", "FirstName", "LastName", "Title", "Phone", "Company", "IsConverted", "ConvertedContactId", "ConvertedAccountId"],
        ["Account"] = ["Name", "Website", "NumberOfEmployees", "Industry"],
        ["Opportunity"] = ["Name", "AccountId", "Amount", "StageName", "CloseDate"],
    };

    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Email"] = "email",
        ["FirstName"] = "first_name",
        ["LastName"] = "last_name",
        ["Title"] = "title",
        ["Phone"] = "phone",
        ["Website"] = "domain",
        ["Name"] = "name",
        ["NumberOfEmployees"] = "employees",
        ["Industry"] = "industry",
    };

    private static readonly Dictionary<string, FieldType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NumberOfEmployees"] = FieldType.Number,
        ["Amount"] = FieldType.Number,
        ["IsConverted"] = FieldType.Boolean,
        [IsDeleted] = FieldType.Boolean,
        [SystemModstamp] = FieldType.DateTime,
    };

    /// <summary>The API names a read of <paramref name="objectName"/> selects: the id, the object's fields (or those configured) and the change time.</summary>
    public static IReadOnlyList<string> Selected(string objectName, IReadOnlyList<string>? configured)
    {
        var fields = new List<string> { Id };
        fields.AddRange(configured ?? (Defaults.TryGetValue(objectName, out var known) ? known : []));
        fields.Add(SystemModstamp);
        return [.. fields.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The name a field is handed out under.</summary>
    public static string Name(string apiName) =>
        Names.TryGetValue(apiName, out var name) ? name
        : apiName.EndsWith("__c", StringComparison.OrdinalIgnoreCase) ? apiName.ToLowerInvariant()
        : apiName;

    public static FieldType Type(string apiName) => Types.GetValueOrDefault(apiName, FieldType.Text);

    /// <summary>A CSV value as a field value: empty for an empty cell, typed by the field, a website as its bare domain.</summary>
    public static FieldValue Value(string apiName, string text)
    {
        if (text.Length == 0)
        {
            return FieldValue.Empty;
        }

        if (string.Equals(apiName, "Website", StringComparison.OrdinalIgnoreCase))
        {
            return FieldValue.FromText(Domain(text));
        }

        return Type(apiName) switch
        {
            FieldType.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => FieldValue.FromNumber(number),
            FieldType.Boolean when bool.TryParse(text, out var flag) => FieldValue.FromBoolean(flag),
            FieldType.DateTime when TryParseTime(text, out var time) => FieldValue.FromDateTime(time),
            _ => FieldValue.FromText(text),
        };
    }

    public static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>A SOQL datetime literal (unquoted, UTC).</summary>
    public static string Literal(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Domain(string website)
    {
        var text = website.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        text = scheme >= 0 ? text[(scheme + 3)..] : text;
        var end = text.IndexOfAny(['/', '?', '#', ':']);
        text = end >= 0 ? text[..end] : text;
        return text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
    }
}
