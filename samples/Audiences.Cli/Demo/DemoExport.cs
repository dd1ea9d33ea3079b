using Audiences.Cli.Cli;
using Audiences.Cli.Exports;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Demo;

/// <summary>
/// The demo's exports: the audience's people written to a new CSV file (creating rows, every field always, and whether
/// the signal fired for them from its companion audience), run; then an export to the "app database" whose write plan
/// shows, per record and field, what a run would write, keep by rule, leave unchanged or create — planned, not run.
/// </summary>
internal sealed record DemoExport(
    ExportDefinition Csv,
    ExportRun CsvRun,
    IReadOnlyList<string> CsvLines,
    ExportDefinition Sql,
    IReadOnlyList<ExportPlanRecord> Plan,
    IReadOnlyDictionary<long, string?> AudienceNames)
{
    public const string CsvName = "decision-makers-csv";
    public const string CsvFileName = "demo_export.csv";
    public const string SqlName = "app-users";
    public const string JobMoveColumn = "job_move";

    public static async Task<DemoExport> RunAsync(
        CommandContext context, AudiencesSession session, Audience audience, Audience? companion, string folder, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, CsvFileName);
        DemoDatabase.Delete(file);
        string[] fields = ["email", "first_name", "last_name", "title", "lead_score"];
        var csv = new ExportDefinition(CsvName, EntityKind.Person, new DestinationSettings(DestinationNames.Csv, new Dictionary<string, string>
        {
            [DestinationNames.Path] = file,
            [DestinationNames.KeyColumn] = "email",
            [DestinationNames.Columns] = string.Join(",", fields.Append(JobMoveColumn)),
        }))
        {
            Audience = audience.Id,
            Mappings = [.. fields.Select(f => new ExportMapping(f, f) { Rule = WriteRule.Always })],
            Membership = [new MembershipMapping((companion ?? audience).Id, JobMoveColumn, FieldValue.FromText("yes")) { ValueOut = FieldValue.FromText("no") }],
            CreateNew = true,
            Every = null,
        };
        csv = await ExportCalls.SaveAsync(context, session, csv, cancellationToken);
        var run = await ExportCalls.RunAsync(context, session, csv, cancellationToken);
        var lines = await File.ReadAllLinesAsync(file, cancellationToken);

        var app = await DemoAppDatabase.CreateAsync(folder, cancellationToken);
        var sql = new ExportDefinition(SqlName, EntityKind.Person, new DestinationSettings(DestinationNames.Sql, new Dictionary<string, string>
        {
            [DestinationNames.Provider] = "sqlite",
            [DestinationNames.Connection] = $"Data Source={app};Pooling=False",
            [DestinationNames.Table] = DemoAppDatabase.Table,
            [DestinationNames.KeyColumn] = DemoAppDatabase.KeyColumn,
        }))
        {
            Audience = audience.Id,
            Mappings =
            [
                new ExportMapping("first_name", "first_name") { Rule = WriteRule.Always },
                new ExportMapping("title", "job_title"),
                new ExportMapping("phone", "phone") { Rule = WriteRule.IfEmpty },
                new ExportMapping("lifecycle_stage", "lifecycle") { Rule = WriteRule.Always },
            ],
            CreateNew = true,
        };
        sql = await ExportCalls.SaveAsync(context, session, sql, cancellationToken);
        var plan = await ExportCalls.PlanAsync(context, session, sql, cancellationToken);
        var names = await ExportCalls.AudienceNamesAsync(session, [csv, sql], cancellationToken);
        return new DemoExport(csv, run, lines, sql, plan, names);
    }
}
