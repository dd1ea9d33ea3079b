using System.Buffers;
using System.Text;
using Audiences.Sdk.Filtering;

namespace Audiences.Sdk.Sqlite.Storage;

/// <summary>
/// Writes <see cref="FilterText.Fold"/>'s result as UTF-8, the form <c>profile_values</c> keeps text in.
/// </summary>
/// <remarks>
/// Nearly all stored text is ASCII, which is already in normalization form C and whose invariant
/// upper case changes a–z only: it is folded straight into the UTF-8 buffer, without the two
/// strings <see cref="FilterText.Fold"/> allocates. Any other text goes through <see cref="FilterText.Fold"/>.
/// </remarks>
internal static class FoldedUtf8
{
    /// <summary>Writes the folded form of <paramref name="text"/> into <paramref name="buffer"/> (grown when too small); returns its length in bytes.</summary>
    public static int Write(string text, ref byte[] buffer) => Write(text, ref buffer, 0);

    /// <summary>
    /// Writes the folded form of <paramref name="text"/> into <paramref name="buffer"/> from
    /// <paramref name="offset"/> on, growing it (and keeping the bytes before the offset) when too
    /// small; returns its length in bytes. Lets a caller pack many folded texts into one buffer.
    /// </summary>
    public static int Write(string text, ref byte[] buffer, int offset)
    {
        // ASCII text folds to as many bytes as it has characters.
        Reserve(ref buffer, offset, text.Length);
        if (Ascii.ToUpper(text, buffer.AsSpan(offset), out var written) == OperationStatus.Done)
        {
            return written;
        }

        var folded = FilterText.Fold(text);
        Reserve(ref buffer, offset, Encoding.UTF8.GetMaxByteCount(folded.Length));
        return Encoding.UTF8.GetBytes(folded, buffer.AsSpan(offset));
    }

    private static void Reserve(ref byte[] buffer, int offset, int length)
    {
        if (buffer.Length - offset < length)
        {
            Array.Resize(ref buffer, Math.Max(offset + length, buffer.Length * 2));
        }
    }
}
