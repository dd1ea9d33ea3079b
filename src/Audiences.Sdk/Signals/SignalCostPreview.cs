namespace Audiences.Sdk.Signals;

/// <summary>What a signal run would cost now, before it runs: every member of its audiences is checked and paid for.</summary>
/// <param name="Records">The distinct members of the signal's audiences.</param>
/// <param name="CostPerRecord">The provider's credits per record checked.</param>
public sealed record SignalCostPreview(long Records, decimal CostPerRecord)
{
    /// <summary>The credits a run checking every record would spend.</summary>
    public decimal Total => Records * CostPerRecord;
}
