using Audiences.Sdk.Destinations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Ads.LinkedIn;

/// <summary>
/// Creates LinkedIn Matched Audiences destinations from settings of type <c>linkedin</c>: <c>token</c> (a member's
/// access token with <c>rw_dmp_segments</c>), <c>ad-account</c> (the sponsored account id, or its
/// <c>urn:li:sponsoredAccount:</c> URN), <c>segment</c> (the DMP segment id, or its <c>urn:li:dmpSegment:</c> URN),
/// and optionally <c>endpoint</c> (default <c>https://api.linkedin.com/</c>), <c>version</c> (the
/// <c>LinkedIn-Version</c> header, default <see cref="DefaultVersion"/>) and <c>batch-size</c> (elements per request,
/// at most 5,000). The destination takes <c>email</c>, <c>first_name</c>, <c>last_name</c>, <c>title</c>,
/// <c>company</c> and <c>country</c>, keyed by <c>email</c>; a record needs an email, or a first and a last name.
/// </summary>
public sealed class LinkedInAudienceDestinationFactory : IDestinationFactory
{
    /// <summary>The destination type this factory creates.</summary>
    public const string DestinationType = "linkedin";

    /// <summary>The <c>LinkedIn-Version</c> sent unless the <c>version</c> setting names another (versions are <c>YYYYMM</c>).</summary>
    public const string DefaultVersion = "202610";

    /// <summary>The API base URL called unless the <c>endpoint</c> setting names another.</summary>
    public const string DefaultEndpoint = "https://api.linkedin.com/";

    private readonly AdDestinationServices _services;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The shared ad-platform options.</param>
    /// <param name="loggerFactory">Where the destinations log; nowhere when null.</param>
    /// <param name="timeProvider">The clock a <c>Retry-After</c> date is read against; the system clock when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public LinkedInAudienceDestinationFactory(IOptions<AdPlatformOptions> options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        _services = new AdDestinationServices(options, loggerFactory, timeProvider);

    /// <inheritdoc />
    public string Type => DestinationType;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public IDestination Create(DestinationSettings settings)
    {
        AdSettings.CheckType(settings, DestinationType);
        var account = AdSettings.Id(settings, "ad-account", "urn:li:sponsoredAccount:");
        var segment = AdSettings.Id(settings, "segment", "urn:li:dmpSegment:");
        var version = AdSettings.Word(settings, "version", DefaultVersion);
        var connection = AdSettings.Connection(settings, _services.Options, DefaultEndpoint, LinkedInAudienceDestination.MaxElementsPerRequest);
        var name = $"DMP segment {segment} (urn:li:sponsoredAccount:{account})";
        var description = AdDescriptions.Create(
            name, LinkedInAudienceDestination.MaxElementsPerRequest, AdFields.Email, AdFields.FirstName, AdFields.LastName, AdFields.Title, AdFields.Company, AdFields.Country);
        var http = _services.Http(connection, typeof(LinkedInAudienceDestinationFactory).FullName!, "LinkedIn", name);
        return new LinkedInAudienceDestination(description, http, connection, version, segment);
    }
}
