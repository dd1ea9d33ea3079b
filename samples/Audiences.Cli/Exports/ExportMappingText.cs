using Audiences.Cli.Cli;
using Audiences.Cli.Commands;
using Audiences.Sdk.Exports;

namespace Audiences.Cli.Exports;

/// <summary>
/// Reads <c>--map FIELD=DEST_FIELD[:RULE]</c> and <c>--membership AUDIENCE=DEST_FIELD:VALUE_IN[:VALUE_OUT]</c>. A mapping
/// without a rule is <c>never</c>, the SDK's default: the field is mapped, and the destination's value is kept.
/// </summary>
internal static class ExportMappingText
{
    /// <summary>Reads one <c>--map</c>.</summary>
    /// <exception cref="InputException">The value is not <c>FIELD=DEST_FIELD</c>, or its rule is unknown.</exception>
    public static ExportMapping Mapping(string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == value.Length - 1)
        {
            throw new InputException(
                $"--map '{value}' is not FIELD=DEST_FIELD[:RULE]; e.g. --map email=email --map title=job_title:always (rules: {ExportRules.Choices}).");
        }

        var field = value[..equals].Trim();
        var destination = value[(equals + 1)..].Trim();
        var rule = WriteRule.Never;
        var colon = destination.LastIndexOf(':');
        if (colon >= 0)
        {
            var word = destination[(colon + 1)..];
            rule = ExportRules.TryParse(word)
                ?? throw new InputException($"--map '{value}': '{word}' is not a write rule; use {ExportRules.Choices} (without one the rule is never).");
            destination = destination[..colon].Trim();
        }

        if (field.Length == 0 || destination.Length == 0)
        {
            throw new InputException($"--map '{value}' names no {(field.Length == 0 ? "profile field" : "destination field")}; write FIELD=DEST_FIELD[:RULE].");
        }

        return new ExportMapping(field, destination) { Rule = rule };
    }

    /// <summary>One <c>--membership</c> as given: the audience is resolved when the command runs.</summary>
    /// <exception cref="InputException">The value is not <c>AUDIENCE=DEST_FIELD:VALUE_IN[:VALUE_OUT]</c>.</exception>
    public static MembershipText Membership(string value)
    {
        var equals = value.LastIndexOf('=');
        var parts = equals <= 0 ? [] : value[(equals + 1)..].Split(':');
        if (equals <= 0 || parts.Length is < 2 or > 3 || parts[0].Trim().Length == 0 || parts[1].Length == 0)
        {
            throw new InputException(
                $"--membership '{value}' is not AUDIENCE=DEST_FIELD:VALUE_IN[:VALUE_OUT]; e.g. --membership \"Hot leads=status:hot:cold\" (without VALUE_OUT the field is cleared once a record leaves).");
        }

        return new MembershipText(
            AudienceReference.Parse("--membership", value[..equals]),
            parts[0].Trim(),
            parts[1],
            parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null);
    }
}
