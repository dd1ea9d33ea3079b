using System.Text.Json;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>Encodes a signal run's errors in one column: a JSON array of objects with the profile id (<c>p</c>) and the message (<c>m</c>).</summary>
internal static class SignalErrorListCodec
{
    public static byte[] Encode(IReadOnlyList<SignalError> errors)
    {
        var writer = JsonBuffer.Rent();
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteNumber("p", error.Profile.Value);
            writer.WriteString("m", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        return JsonBuffer.ToArray(writer);
    }

    /// <exception cref="InvalidDataException">The bytes are not the JSON the store writes.</exception>
    public static SignalError[] Decode(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            return [.. document.RootElement.EnumerateArray().Select(Read)];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException(
                "A signal run's errors are not the JSON the store writes; the profile database was changed outside the store.", e);
        }
    }

    private static SignalError Read(JsonElement element) => new(
        new ProfileId(element.GetProperty("p").GetInt64()),
        element.GetProperty("m").GetString()!);
}
