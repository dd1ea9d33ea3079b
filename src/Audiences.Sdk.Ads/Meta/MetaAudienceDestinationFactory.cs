using Audiences.Sdk.Destinations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Ads.Meta;

/// <summary>
/// Creates Meta custom audience destinations from settings of type <c>meta</c>: <c>token</c> (a system user's access
/// token with <c>ads_management</c>), <c>ad-account</c> (<c>act_&lt;id&gt;</c>), <c>custom-audience-id</c>, and
/// optionally <c>endpoint</c> (the Graph API base URL, for a proxy; default <c>https://graph.facebook.com/</c>),
/// <c>version</c> (default <see cref="DefaultVersion"/>), <c>batch-size</c> (rows per request, at most 10,000) and
/// <c>phone-region</c>. The destination takes the fields <c>email</c>, <c>phone</c>, <c>first_name</c>,
/// <c>last_name</c>, <c>country</c> and <c>zip</c>, keyed by <c>email</c>; a record needs an email or a phone.
/// </summary>
public sealed class MetaAudienceDestinationFactory : IDestinationFactory
{
    /// <summary>The destination type this factory creates.</summary>
    public const string DestinationType = "meta";

    /// <summary>The Graph API version called unless the <c>version</c> setting names another.</summary>
    public const string DefaultVersion = "v24.0";

    /// <summary>The Graph API base URL called unless the <c>endpoint</c> setting names another.</summary>
    public const string DefaultEndpoint = "https://graph.facebook.com/";

    private readonly AdDestinationServices _services;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The shared ad-platform options.</param>
    /// <param name="loggerFactory">Where the destinations log; nowhere when null.</param>
    /// <param name="timeProvider">The clock a <c>Retry-After</c> date is read against; the system clock when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public MetaAudienceDestinationFactory(IOptions<AdPlatformOptions> options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        _services = new AdDestinationServices(options, loggerFactory, timeProvider);

    /// <inheritdoc />
    public string Type => DestinationType;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public IDestination Create(DestinationSettings settings)
    {
        AdSettings.CheckType(settings, DestinationType);
        var account = AdSettings.Id(settings, "ad-account", "act_");
        var audience = AdSettings.Id(settings, "custom-audience-id");
        var version = AdSettings.Word(settings, "version", DefaultVersion);
        var connection = AdSettings.Connection(settings, _services.Options, DefaultEndpoint, MetaAudienceDestination.MaxRowsPerRequest);
        var normalizer = new MetaNormalizer(AdSettings.PhoneRegion(settings, _services.Options));
        var name = $"custom audience {audience} (act_{account})";
        var description = AdDescriptions.Create(
            name, MetaAudienceDestination.MaxRowsPerRequest, AdFields.Email, AdFields.Phone, AdFields.FirstName, AdFields.LastName, AdFields.Country, AdFields.Zip);
        var http = _services.Http(connection, typeof(MetaAudienceDestinationFactory).FullName!, "Meta", name);
        return new MetaAudienceDestination(description, http, connection, version, audience, normalizer);
    }
}
