using Audiences.Sdk.Destinations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Ads.Google;

/// <summary>
/// Creates Google Customer Match destinations over the Data Manager API from settings of type <c>google</c>:
/// <c>token</c> (an OAuth access token with the <c>datamanager</c> scope), <c>operating-account</c> (the Google Ads
/// customer id owning the list; dashes allowed), <c>user-list</c> (the Customer Match user list id), and optionally
/// <c>login-account</c> (the manager account the token acts through), <c>account-type</c> (default
/// <c>GOOGLE_ADS</c>), <c>login-account-type</c> (default the account type), <c>consent</c> (<c>granted</c> or
/// <c>denied</c>, sent with adds for both ad user data and ad personalization), <c>endpoint</c> (default
/// <c>https://datamanager.googleapis.com/</c>), <c>batch-size</c> (members per request, at most 10,000) and
/// <c>phone-region</c>. The destination takes <c>email</c>, <c>phone</c>, <c>first_name</c>, <c>last_name</c>,
/// <c>country</c> and <c>zip</c>, keyed by <c>email</c>; a record needs an email, a phone, or all four address parts.
/// </summary>
public sealed class GoogleAudienceDestinationFactory : IDestinationFactory
{
    /// <summary>The destination type this factory creates.</summary>
    public const string DestinationType = "google";

    /// <summary>The Data Manager API base URL called unless the <c>endpoint</c> setting names another.</summary>
    public const string DefaultEndpoint = "https://datamanager.googleapis.com/";

    private readonly AdDestinationServices _services;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The shared ad-platform options.</param>
    /// <param name="loggerFactory">Where the destinations log; nowhere when null.</param>
    /// <param name="timeProvider">The clock a <c>Retry-After</c> date is read against; the system clock when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public GoogleAudienceDestinationFactory(IOptions<AdPlatformOptions> options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null) =>
        _services = new AdDestinationServices(options, loggerFactory, timeProvider);

    /// <inheritdoc />
    public string Type => DestinationType;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public IDestination Create(DestinationSettings settings)
    {
        AdSettings.CheckType(settings, DestinationType);
        var accountType = AdSettings.Word(settings, "account-type", "GOOGLE_ADS").ToUpperInvariant();
        var operating = AdSettings.Id(settings, "operating-account", dashes: true);
        var login = settings["login-account"] is { } l && !string.IsNullOrWhiteSpace(l) ? AdSettings.Id(settings, "login-account", dashes: true) : null;
        var loginType = settings["login-account-type"] is { } t && !string.IsNullOrWhiteSpace(t) ? AdSettings.Word(settings, "login-account-type", t).ToUpperInvariant() : null;
        var userList = AdSettings.Id(settings, "user-list");
        var consent = settings["consent"]?.Trim().ToUpperInvariant() switch
        {
            null or "" => null,
            "GRANTED" or "CONSENT_GRANTED" => "CONSENT_GRANTED",
            "DENIED" or "CONSENT_DENIED" => "CONSENT_DENIED",
            _ => throw new ArgumentException($"The {DestinationType} destination's setting 'consent' is '{settings["consent"]}'; write 'granted' or 'denied', or leave it out.", nameof(settings)),
        };
        var connection = AdSettings.Connection(settings, _services.Options, DefaultEndpoint, GoogleAudienceDestination.MaxMembersPerRequest);
        var normalizer = new GoogleNormalizer(AdSettings.PhoneRegion(settings, _services.Options));
        var name = $"user list {userList} (customer {operating})";
        var description = AdDescriptions.Create(
            name, GoogleAudienceDestination.MaxMembersPerRequest, AdFields.Email, AdFields.Phone, AdFields.FirstName, AdFields.LastName, AdFields.Country, AdFields.Zip);
        var http = _services.Http(connection, typeof(GoogleAudienceDestinationFactory).FullName!, "Google", name);
        return new GoogleAudienceDestination(description, http, connection, new GoogleTarget(accountType, operating, loginType, login, userList, consent), normalizer);
    }
}
