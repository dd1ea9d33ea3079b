using Audiences.Cli.Cli;
using Audiences.Sdk.Exports;

namespace Audiences.Cli.Exports;

/// <summary>Write rules as the command line and output spell them: <c>never</c>, <c>if-empty</c>, <c>always</c>.</summary>
internal static class ExportRules
{
    public const string Choices = "never, if-empty or always";

    /// <summary>Reads a rule; null when the text is no rule's name.</summary>
    public static WriteRule? TryParse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "never" => WriteRule.Never,
        "if-empty" or "if_empty" or "ifempty" => WriteRule.IfEmpty,
        "always" => WriteRule.Always,
        _ => null,
    };

    public static string Word(WriteRule rule) => rule switch
    {
        WriteRule.IfEmpty => "if-empty",
        WriteRule.Always => "always",
        _ => "never",
    };

    /// <summary>Reads a rule given on its own, e.g. by <c>--rule</c>.</summary>
    /// <exception cref="InputException">The text is no rule's name.</exception>
    public static WriteRule Parse(string option, string value) =>
        TryParse(value) ?? throw new InputException($"{option} '{value}' is not a write rule; use {Choices}.");
}
