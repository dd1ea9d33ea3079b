using Audiences.Sdk.Sources;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// Opens <see cref="SqlQuerySource"/>s from settings of type <c>sql</c>: <c>provider</c> (a name registered in
/// <see cref="SqlSourceOptions.Providers"/>), <c>connection</c>, <c>query</c>, and optionally <c>object</c> (default
/// <c>query</c>), <c>overlap</c> (<c>00:05:00</c> or <c>5m</c>; default 5 minutes), <c>timeout</c> (the command
/// timeout, in the same form), <c>parameters</c> (the parameter marker: <c>@</c>, <c>:</c>, <c>$</c> or <c>?</c>) and
/// <c>quote</c> (the quote around column names: <c>"</c>, <c>`</c> or <c>[</c>; by default the provider's).
/// </summary>
public sealed class SqlSourceFactory : ISourceFactory
{
    /// <summary>The source type this factory opens.</summary>
    public const string SourceType = "sql";

    private readonly SqlSourceOptions _options;
    private readonly TimeProvider? _timeProvider;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The registered providers.</param>
    /// <param name="timeProvider">The clock the sources cap incremental reads with; the system clock when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="OptionsValidationException">The options are not valid (no provider, a blank name, a null factory).</exception>
    public SqlSourceFactory(IOptions<SqlSourceOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public string Type => SourceType;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public ISource Create(SourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.Equals(settings.Type, SourceType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The SQL source factory opens sources of type '{SourceType}', not '{settings.Type}'.", nameof(settings));
        }

        var provider = settings.Required("provider");
        if (!_options.Providers.TryGetValue(provider, out var factory))
        {
            var known = _options.Providers.Count == 0 ? "none" : string.Join(", ", _options.Providers.Keys.Order(StringComparer.Ordinal).Select(k => $"'{k}'"));
            throw new ArgumentException(
                $"The {SourceType} source's setting 'provider' is '{provider}', which is not registered (registered: {known}); add it with AddSqlSource(o => o.Providers[\"{provider}\"] = ...).",
                nameof(settings));
        }

        var options = new SqlQuerySourceOptions(factory, settings.Required("connection"), settings.Required("query"))
        {
            ObjectName = settings["object"] is { Length: > 0 } objectName ? objectName : SqlQuerySourceOptions.DefaultObjectName,
            Overlap = Duration(settings, "overlap") ?? TimeSpan.FromMinutes(5),
            CommandTimeout = Duration(settings, "timeout"),
            ParameterMarker = settings["parameters"] is { Length: > 0 } marker ? marker : "@",
            IdentifierQuote = settings["quote"] is { Length: > 0 } quote ? quote : null,
        };
        return new SqlQuerySource(options, _timeProvider);
    }

    private static TimeSpan? Duration(SourceSettings settings, string name)
    {
        if (settings[name] is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return SqlSettingsText.TryParseDuration(text, out var duration)
            ? duration
            : throw new ArgumentException(
                $"The {SourceType} source's setting '{name}' is '{text}', which is no duration; write e.g. '00:05:00' or '5m' (units ms, s, m, h, d).",
                nameof(settings));
    }
}
