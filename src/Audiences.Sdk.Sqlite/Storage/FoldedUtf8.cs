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
    public static int Write(string text, ref byte[] buffer)
    {
        if (buffer.Length < text.Length)
        {
            buffer = new byte[Math.Max(text.Length, buffer.Length * 2)];
        }

        if (Ascii.ToUpper(text, buffer, out var written) == OperationStatus.Done)
        {
            return written;
        }

        var folded = FilterText.Fold(text);
        var length = Encoding.UTF8.GetMaxByteCount(folded.Length);
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        return Encoding.UTF8.GetBytes(folded, buffer);
    }
}
