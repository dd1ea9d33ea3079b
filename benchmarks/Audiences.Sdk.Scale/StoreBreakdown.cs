namespace Audiences.Sdk.Scale;

/// <summary>An import timed call by call through the store decorator.</summary>
internal sealed record StoreBreakdown(string Store, Measurement Import, StageTimes Times);
