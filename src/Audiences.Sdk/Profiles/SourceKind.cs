namespace Audiences.Sdk.Profiles;

/// <summary>
/// The category of a source, which sets a value's default survivorship rank. Listed from the
/// highest rank to the lowest (<see cref="Manual"/>, a locked value, outranks everything);
/// <see cref="Upsert"/> and <see cref="Enrichment"/> share the next rank.
/// </summary>
public enum SourceKind
{
    /// <summary>Records saved by the host application through the upsert API.</summary>
    Upsert = 1,

    /// <summary>Values written by an enrichment run.</summary>
    Enrichment = 2,

    /// <summary>CRM records (Salesforce contacts and accounts, HubSpot objects).</summary>
    Crm = 3,

    /// <summary>CRM leads.</summary>
    CrmLead = 4,

    /// <summary>Rows of a warehouse query.</summary>
    Warehouse = 5,

    /// <summary>Rows of a CSV file.</summary>
    Csv = 6,

    /// <summary>Results of a people or company search provider.</summary>
    Search = 7,

    /// <summary>
    /// Values a person locked on a profile (<c>IProfileService.LockFieldAsync</c>): they win over
    /// every other source, per-field overrides included, until unlocked.
    /// </summary>
    Manual = 8,
}
