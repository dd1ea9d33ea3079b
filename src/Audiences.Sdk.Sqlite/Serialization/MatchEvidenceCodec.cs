using System.Text.Json;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>Encodes a review's evidence as a JSON array of <c>{"f","l","w","a","b"}</c> objects (field, level, weight, left and right value).</summary>
internal static class MatchEvidenceCodec
{
    public static byte[] Encode(IReadOnlyList<MatchEvidence> evidence)
    {
        var writer = JsonBuffer.Rent();
        writer.WriteStartArray();
        foreach (var item in evidence)
        {
            writer.WriteStartObject();
            writer.WriteString("f", item.Field);
            writer.WriteString("l", item.Level);
            writer.WriteNumber("w", item.Weight);
            writer.WriteString("a", item.LeftValue);
            writer.WriteString("b", item.RightValue);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        return JsonBuffer.ToArray(writer);
    }

    public static IReadOnlyList<MatchEvidence> Decode(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var evidence = new List<MatchEvidence>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            evidence.Add(new MatchEvidence(
                item.GetProperty("f").GetString()!,
                item.GetProperty("l").GetString()!,
                item.GetProperty("w").GetDouble(),
                item.GetProperty("a").GetString(),
                item.GetProperty("b").GetString()));
        }

        return evidence;
    }
}
