using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Output;

/// <summary>The human-readable field catalog.</summary>
internal static class FieldText
{
    public static void WriteTable(TextWriter writer, IReadOnlyList<FieldStatistics> fields, string indent = "")
    {
        if (fields.Count == 0)
        {
            writer.WriteLine($"{indent}(no fields yet)");
            return;
        }

        var table = new TextTable("FIELD", "TYPE", "ORIGIN", "FILLED", "FILL RATE").AlignRight(3, 4);
        foreach (var field in fields)
        {
            table.Add(
                field.Field.Key,
                Names.Type(field.Field.Type),
                field.Field.Origin,
                $"{Formats.Count(field.FilledCount)}/{Formats.Count(field.ProfileCount)}",
                Formats.Percent(field.FillRate));
        }

        table.WriteTo(writer, indent);
    }
}
