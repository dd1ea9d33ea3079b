namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>
/// Turns a stream of distinct strings in SQLite's order (the bytes of their UTF-8) into .NET's ordinal order (UTF-16
/// code units), holding back as few as it can.
/// </summary>
/// <remarks>
/// The two orders differ only where two strings first differ at a character from U+E000 to U+FFFF in one and a
/// character beyond U+FFFF in the other: UTF-8 puts the former first (three bytes from EE against four from F0),
/// UTF-16 the latter (its high surrogate, D800–DBFF, is below E000). So a string is passed on at once unless it
/// holds a character from U+E000 up. Such a string, and every later one sharing its text before that character (which
/// come next in UTF-8 order), are held and passed on sorted once the stream leaves that prefix. For ids in ASCII
/// nothing is ever held.
/// </remarks>
internal sealed class OrdinalOrder
{
    private readonly List<string> _held = [];
    private string? _prefix;

    /// <summary>Takes the next string of the stream; adds to <paramref name="ready"/> those that can be passed on now.</summary>
    public void Add(string value, List<string> ready)
    {
        if (_prefix is not null)
        {
            if (value.StartsWith(_prefix, StringComparison.Ordinal))
            {
                _held.Add(value);
                return;
            }

            Flush(ready);
        }

        var at = value.AsSpan().IndexOfAnyInRange('\uE000', '\uFFFF');
        if (at < 0)
        {
            ready.Add(value);
            return;
        }

        _prefix = value[..at];
        _held.Add(value);
    }

    /// <summary>Passes on whatever is held, at the end of the stream or when it leaves the held prefix.</summary>
    public void Flush(List<string> ready)
    {
        _held.Sort(StringComparer.Ordinal);
        ready.AddRange(_held);
        _held.Clear();
        _prefix = null;
    }
}
