namespace Audiences.Sdk.Enrichment;

/// <summary>Where an enrichment run stands.</summary>
public enum EnrichmentRunStatus
{
    /// <summary>Looking up records.</summary>
    Running = 1,

    /// <summary>Every record looked up.</summary>
    Completed = 2,

    /// <summary>Stopped when the credit budget ran out; the records looked up so far stand.</summary>
    BudgetReached = 3,

    /// <summary>Stopped by an error; the reason is in <see cref="EnrichmentRun.Failure"/>.</summary>
    Failed = 4,
}
