namespace Audiences.Sdk.Salesforce;

/// <summary>
/// Hands the Salesforce connector the OAuth access token it sends as <c>Authorization: Bearer</c>. The host supplies one
/// that refreshes (through its own OAuth flow); without one the connector uses the <c>token</c> setting as it is.
/// </summary>
public interface ISalesforceTokenProvider
{
    /// <summary>
    /// The token to call <paramref name="instanceUrl"/> with. <paramref name="rejectedToken"/> is the token the org has
    /// just refused (401 <c>INVALID_SESSION_ID</c>), so the provider refreshes rather than hands it out again; null on
    /// the first call.
    /// </summary>
    /// <param name="instanceUrl">The org's address.</param>
    /// <param name="rejectedToken">The token refused, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<string> GetTokenAsync(Uri instanceUrl, string? rejectedToken, CancellationToken cancellationToken = default);
}
