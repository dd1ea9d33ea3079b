namespace Audiences.Sdk.DataHub;

/// <summary>What the data layer holds: its records, fields, enrichments and signals, counted.</summary>
/// <param name="People">Live person profiles.</param>
/// <param name="Companies">Live company profiles.</param>
/// <param name="PersonFields">Fields in the person catalog.</param>
/// <param name="CompanyFields">Fields in the company catalog.</param>
/// <param name="Enrichments">Saved enrichment definitions; 0 when enrichments are not registered.</param>
/// <param name="Signals">Saved signal definitions; 0 when signals are not registered.</param>
public sealed record DataHubOverview(long People, long Companies, int PersonFields, int CompanyFields, int Enrichments, int Signals)
{
    /// <summary>All live profiles: people and companies.</summary>
    public long Records => People + Companies;

    /// <summary>All catalog fields, of both kinds.</summary>
    public int Fields => PersonFields + CompanyFields;
}
