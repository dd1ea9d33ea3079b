namespace Audiences.Cli.Exports;

/// <summary>The destination types and setting names the tool writes into export definitions, in one place.</summary>
internal static class DestinationNames
{
    public const string Sql = "sql";
    public const string Csv = "csv";
    public const string Salesforce = "salesforce";
    public const string HubSpot = "hubspot";
    public const string Meta = "meta";
    public const string Google = "google";
    public const string LinkedIn = "linkedin";

    /// <summary>The types <c>export add --to</c> takes.</summary>
    public static readonly IReadOnlyList<string> ExportTypes = [Sql, Csv, Salesforce, HubSpot];

    /// <summary>The types <c>ads add --platform</c> takes; exports to them are the ad audiences.</summary>
    public static readonly IReadOnlyList<string> AdTypes = [Meta, Google, LinkedIn];

    public const string Provider = "provider";
    public const string Connection = "connection";
    public const string Table = "table";
    public const string KeyColumn = "key-column";
    public const string Path = "path";
    public const string Columns = "columns";
    public const string Token = "token";
    public const string Endpoint = "endpoint";
    public const string InstanceUrl = "instance-url";
    public const string BaseUrl = "base-url";
    public const string Object = "object";
    public const string Fields = "fields";

    /// <summary>The HubSpot destination's properties written beyond the object's standard ones.</summary>
    public const string Properties = "properties";

    /// <summary>The record key of a CRM destination: a field name (Id, an external id, email), never a secret.</summary>
    public const string Key = "key";

    /// <summary>Whether exports to the type are ad audiences (listed by <c>ads list</c>).</summary>
    public static bool IsAd(string type) => AdTypes.Contains(type, StringComparer.OrdinalIgnoreCase);
}
