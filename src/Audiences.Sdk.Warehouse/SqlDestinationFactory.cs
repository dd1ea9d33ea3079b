using Audiences.Sdk.Destinations;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// Creates <see cref="SqlTableDestination"/>s from settings of type <c>sql</c>: <c>provider</c> (a name registered in
/// <see cref="SqlSourceOptions.Providers"/>, shared with the SQL source), <c>connection</c>, <c>table</c>,
/// <c>key-column</c>, and optionally <c>schema</c>, <c>timeout</c> (the command timeout: <c>00:00:30</c> or
/// <c>30s</c>), <c>parameters</c> (the parameter marker: <c>@</c>, <c>:</c>, <c>$</c> or <c>?</c>) and <c>quote</c>
/// (the quote around names: <c>"</c>, <c>`</c> or <c>[</c>; by default the provider's).
/// </summary>
public sealed class SqlDestinationFactory : IDestinationFactory
{
    /// <summary>The destination type this factory creates.</summary>
    public const string DestinationType = "sql";

    private readonly SqlSourceOptions _options;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The registered providers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SqlDestinationFactory(IOptions<SqlSourceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    public string Type => DestinationType;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public IDestination Create(DestinationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.Equals(settings.Type, DestinationType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The SQL destination factory creates destinations of type '{DestinationType}', not '{settings.Type}'.", nameof(settings));
        }

        var provider = settings.Required("provider");
        if (!_options.Providers.TryGetValue(provider, out var factory))
        {
            var known = _options.Providers.Count == 0 ? "none" : string.Join(", ", _options.Providers.Keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'"));
            throw new ArgumentException(
                $"The {DestinationType} destination's setting 'provider' is '{provider}', which is not registered (registered: {known}); add it with AddSqlDestination(o => o.Providers[\"{provider}\"] = ...).",
                nameof(settings));
        }

        var options = new SqlTableDestinationOptions(factory, settings.Required("connection"), settings.Required("table"), settings.Required("key-column"))
        {
            Schema = settings["schema"] is { Length: > 0 } schema ? schema : null,
            CommandTimeout = Timeout(settings),
            ParameterMarker = settings["parameters"] is { Length: > 0 } marker ? marker : "@",
            IdentifierQuote = settings["quote"] is { Length: > 0 } quote ? quote : null,
        };
        return new SqlTableDestination(options);
    }

    private static TimeSpan? Timeout(DestinationSettings settings)
    {
        if (settings["timeout"] is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return SqlSettingsText.TryParseDuration(text, out var duration) && duration > TimeSpan.Zero
            ? duration
            : throw new ArgumentException(
                $"The {DestinationType} destination's setting 'timeout' is '{text}', which is no positive duration; write e.g. '00:00:30' or '30s' (units ms, s, m, h, d).",
                nameof(settings));
    }
}
