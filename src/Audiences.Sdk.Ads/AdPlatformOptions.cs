namespace Audiences.Sdk.Ads;

/// <summary>
/// What the Meta, Google and LinkedIn audience destinations share: the region phone numbers without a country code
/// are read in, the HTTP handler their calls go through, and how long a call may take.
/// </summary>
public sealed class AdPlatformOptions
{
    /// <summary>
    /// The region (<c>US</c>, <c>GB</c> …) a phone number written without its country code is read in; null (the
    /// default) means such a number is not usable. A destination's <c>phone-region</c> setting overrides it.
    /// </summary>
    public string? DefaultPhoneRegion { get; set; }

    /// <summary>
    /// The handler every call goes through: a proxy's, a test server's, or one with its own retries and logging.
    /// Null (the default) shares one pooled handler across all destinations. The destinations never dispose it.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>How long one call to a platform may take before it counts as unanswered; 100 seconds unless set.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
