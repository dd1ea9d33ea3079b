namespace Audiences.Sdk.Ads;

/// <summary>Where and how one destination's calls go: the base URL, the token, the handler, the time-out and the rows per request.</summary>
internal sealed record AdConnection(Uri Endpoint, string Token, HttpMessageHandler? Handler, TimeSpan Timeout, int BatchSize);
