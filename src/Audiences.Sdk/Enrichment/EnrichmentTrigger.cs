namespace Audiences.Sdk.Enrichment;

/// <summary>What started an enrichment run.</summary>
public enum EnrichmentTrigger
{
    /// <summary>A person or the host, by hand.</summary>
    Manual = 1,

    /// <summary>The schedule: the run was due.</summary>
    Schedule = 2,

    /// <summary>Records entered one of the enrichment's audiences.</summary>
    Continuous = 3,

    /// <summary>A trial on a few records; what it found does not count as bought (see <see cref="IEnrichmentOutputStore.FindLookupsAsync"/>).</summary>
    Test = 4,
}
