using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Audiences.Cli.Output;

/// <summary>Writes the one JSON document a --json command prints.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,

        // The output goes to a terminal or a pipe, never into HTML: keep '+', '&' and accents readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter writer, JsonNode document)
    {
        writer.WriteLine(document.ToJsonString(Options));
        writer.Flush();
    }
}
