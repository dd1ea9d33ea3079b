using System.Net;

namespace Audiences.Sdk.Ads;

/// <summary>A platform's answer, read whole: its status, body, the delay its <c>Retry-After</c> asked for, and its headers.</summary>
internal sealed record AdResponse(HttpStatusCode Status, string Body, TimeSpan? RetryAfter, IReadOnlyDictionary<string, string> Headers)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
