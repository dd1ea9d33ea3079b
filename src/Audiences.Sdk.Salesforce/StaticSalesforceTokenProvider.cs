namespace Audiences.Sdk.Salesforce;

/// <summary>A token provider that always hands out one token (the <c>token</c> setting); it cannot refresh.</summary>
/// <param name="token">The access token.</param>
public sealed class StaticSalesforceTokenProvider(string token) : ISalesforceTokenProvider
{
    private readonly string _token = string.IsNullOrWhiteSpace(token) ? throw new ArgumentException("The access token is blank.", nameof(token)) : token;

    /// <inheritdoc />
    public ValueTask<string> GetTokenAsync(Uri instanceUrl, string? rejectedToken, CancellationToken cancellationToken = default) => ValueTask.FromResult(_token);
}
