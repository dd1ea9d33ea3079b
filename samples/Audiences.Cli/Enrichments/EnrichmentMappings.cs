using Audiences.Cli.Cli;
using Audiences.Sdk.Enrichment;

namespace Audiences.Cli.Enrichments;

/// <summary><c>--map OUTPUT=FIELD</c>: a provider's output and the profile field it lands on.</summary>
internal static class EnrichmentMappings
{
    /// <exception cref="InputException">The value is not two non-blank names around one '='.</exception>
    public static EnrichmentMapping Parse(string option, string value)
    {
        var parts = value.Split('=');
        if (parts.Length == 2 && parts[0].Trim() is { Length: > 0 } output && parts[1].Trim() is { Length: > 0 } field)
        {
            return new EnrichmentMapping(output, field);
        }

        throw new InputException(
            $"{option} '{value}' is not a mapping; write the provider's output, '=', then the profile field, e.g. {option} work_email=work_email.");
    }

    /// <summary>As the command line writes it: <c>work_email=work_email</c>.</summary>
    public static string Format(EnrichmentMapping mapping) => $"{mapping.Output}={mapping.Field}";
}
