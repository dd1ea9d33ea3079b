namespace Audiences.Sdk.Exports.Engine;

/// <summary>What may name an export: it is typed on command lines and kept as a key by every store.</summary>
internal static class ExportNames
{
    /// <summary>The longest name.</summary>
    public const int MaxLength = 100;

    /// <summary>Whether <paramref name="name"/> can name an export: ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter or digit.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength }
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
