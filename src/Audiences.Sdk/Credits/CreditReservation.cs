namespace Audiences.Sdk.Credits;

/// <summary>Credits held for a provider call until it is settled, released, or expires.</summary>
/// <param name="Id">The ledger's id of the reservation.</param>
/// <param name="Budget">The budget it holds credits of.</param>
/// <param name="Credits">The credits held.</param>
/// <param name="ExpiresAt">When it stops counting if not ended.</param>
/// <param name="Reference">What the credits are for.</param>
public sealed record CreditReservation(long Id, string Budget, decimal Credits, DateTimeOffset ExpiresAt, string? Reference);
