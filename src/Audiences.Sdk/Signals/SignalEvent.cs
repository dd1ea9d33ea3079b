namespace Audiences.Sdk.Signals;

/// <summary>One event a signal provider found for a record.</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Details">What happened, for people to read (e.g. <c>title: Engineer → CTO</c>).</param>
public sealed record SignalEvent(DateTimeOffset OccurredAt, string Details);
