using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>A reusable JSON writer per thread, so encoding a value allocates only its result.</summary>
internal static class JsonBuffer
{
    // Text is stored as UTF-8 as is: escaping non-ASCII would only make rows bigger, and the JSON
    // never reaches a browser.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>A writer over an emptied per-thread buffer.</summary>
    public static Utf8JsonWriter Rent()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        if (t_writer is null)
        {
            t_writer = new Utf8JsonWriter(buffer, Options);
        }
        else
        {
            t_writer.Reset(buffer);
        }

        return t_writer;
    }

    /// <summary>
    /// Flushes the writer and returns what it wrote, without copying: valid until the next
    /// <see cref="Rent"/> on this thread, long enough to bind it to a statement (which copies it).
    /// </summary>
    public static ReadOnlySpan<byte> Written(Utf8JsonWriter writer)
    {
        writer.Flush();
        return t_buffer!.WrittenSpan;
    }

    /// <summary>Flushes the writer and copies what it wrote.</summary>
    public static byte[] ToArray(Utf8JsonWriter writer)
    {
        writer.Flush();
        var bytes = t_buffer!.WrittenSpan.ToArray();

        // A rare huge value should not pin a huge buffer to the thread.
        if (t_buffer.Capacity > 1 << 20)
        {
            t_buffer = null;
            t_writer = null;
        }

        return bytes;
    }
}
