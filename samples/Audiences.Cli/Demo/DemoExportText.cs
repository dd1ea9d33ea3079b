using Audiences.Cli.Exports;

namespace Audiences.Cli.Demo;

/// <summary>The export part of the demo's report: the CSV file written, then the write plan of the export to the app database.</summary>
internal static class DemoExportText
{
    public static void Write(TextWriter writer, DemoExport demo)
    {
        var csv = demo.Csv;
        writer.WriteLine();
        writer.WriteLine(
            $"Export to a CSV file: '{csv.Name}' writes {ExportText.Audience(csv.Audience, demo.AudienceNames)} to {DemoExport.CsvFileName}, creating a row per person, "
            + $"every mapped field written always, and {DemoExport.JobMoveColumn} 'yes' for members of {ExportText.Audience(csv.Membership[0].Audience, demo.AudienceNames)}, else 'no':");
        writer.WriteLine($"   export run: {ExportText.Outcome(demo.CsvRun)}");
        writer.WriteLine($"   {csv.Destination[DestinationNames.Path]}:");
        foreach (var line in demo.CsvLines)
        {
            writer.WriteLine($"     {line}");
        }

        var sql = demo.Sql;
        writer.WriteLine();
        writer.WriteLine(
            $"Write plan of a SQL export: '{sql.Name}' would write the same people to the table {DemoAppDatabase.Table} of {DemoAppDatabase.FileName}, an app database "
            + "whose users already hold some of these values. Its rules: " + string.Join(", ", sql.Mappings.Select(m => $"{m.Field} -> {m.DestinationField} ({ExportRules.Word(m.Rule)})"))
            + ". Nothing is sent until 'export run':");
        ExportText.WritePlan(writer, sql.Name, demo.Plan, demo.Plan.Count, "   ");
    }
}
