namespace Audiences.Sdk.Credits;

/// <summary>Credits spent by one settled call.</summary>
/// <param name="Budget">The budget charged.</param>
/// <param name="Credits">The credits spent.</param>
/// <param name="At">When the call was settled.</param>
/// <param name="Reference">What they were for.</param>
public sealed record CreditSpend(string Budget, decimal Credits, DateTimeOffset At, string? Reference);
