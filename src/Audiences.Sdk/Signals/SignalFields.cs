using System.Text;

namespace Audiences.Sdk.Signals;

/// <summary>
/// The profile fields signals write: <c>signal_NAME</c> (when the latest event happened), <c>signal_NAME_details</c>
/// (what happened) and, on every record with a signal, <c>signal_summary</c> (all its signals, newest first).
/// </summary>
public static class SignalFields
{
    /// <summary>The field listing all of a record's signals, newest first.</summary>
    public const string Summary = "signal_summary";

    /// <summary>The longest signal name, so its fields stay valid field keys.</summary>
    public const int MaxNameLength = 40;

    /// <summary>Whether <paramref name="name"/> can name a signal: ASCII letters, digits, <c>-</c> and <c>_</c>, starting with a letter, at most <see cref="MaxNameLength"/> characters.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxNameLength
        && char.IsAsciiLetter(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
        && !string.Equals(For(name), Summary, StringComparison.Ordinal);

    /// <summary>The time field of the signal named <paramref name="name"/>: <c>signal_</c>, then the name lower-cased with <c>-</c> as <c>_</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> cannot name a signal.</exception>
    public static string For(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = new StringBuilder("signal_", 7 + name.Length);
        foreach (var c in name)
        {
            key.Append(c == '-' ? '_' : char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    /// <summary>The details field of the signal named <paramref name="name"/>.</summary>
    public static string DetailsFor(string name) => For(name) + "_details";
}
