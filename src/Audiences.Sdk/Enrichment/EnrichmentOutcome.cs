namespace Audiences.Sdk.Enrichment;

/// <summary>How looking up one record went.</summary>
public enum EnrichmentOutcome
{
    /// <summary>The provider found values for the record.</summary>
    Found = 1,

    /// <summary>The provider looked and found nothing.</summary>
    NotFound = 2,

    /// <summary>The look-up failed for this record (its reason in <see cref="EnrichmentResult.Error"/>); the rest of the batch stands.</summary>
    Failed = 3,
}
