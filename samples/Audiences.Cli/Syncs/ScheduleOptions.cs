using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Syncs;

/// <summary><c>--every</c>, <c>--full-every</c> and <c>--cron</c>: when a host running the SDK's scheduler runs the sync.</summary>
internal sealed class ScheduleOptions
{
    private readonly Option<TimeSpan?> _every = Duration("--every", "run incrementally this often, e.g. 15m (SQL with --timestamp-column; a file is always read in full)");
    private readonly Option<TimeSpan?> _fullEvery = Duration("--full-every", "run in full this often, e.g. 7d (a full run also finds deleted records)");
    private readonly Option<string?> _cron = new("--cron")
    {
        Description = "run incrementally at each occurrence of a cron expression (five fields, UTC), e.g. \"0 * * * *\", instead of --every",
        HelpName = "EXPR",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_every);
        command.Options.Add(_fullEvery);
        command.Options.Add(_cron);
    }

    /// <summary>
    /// The schedule given, or without any schedule option the SDK's preset for the source: for a CRM, incremental every
    /// 15 minutes and in full every 7 days (<see cref="SyncSchedule.Crm"/>: a full read finds records deleted for good);
    /// else incremental every 15 minutes with a timestamp field (<see cref="SyncSchedule.WarehouseIncremental"/>), or in
    /// full every 12 hours (<see cref="SyncSchedule.WarehouseFull"/>), since a source without one cannot be read incrementally.
    /// </summary>
    public SyncSchedule Schedule(ParseResult parse, bool hasTimestamp, bool isCrm = false)
    {
        var every = parse.GetValue(_every);
        var full = parse.GetValue(_fullEvery);
        var cron = parse.GetValue(_cron);
        if (every is null && full is null && cron is null)
        {
            return isCrm ? SyncSchedule.Crm : hasTimestamp ? SyncSchedule.WarehouseIncremental : SyncSchedule.WarehouseFull;
        }

        if (cron is not null && string.IsNullOrWhiteSpace(cron))
        {
            throw new InputException("--cron is empty; give five fields, e.g. \"0 * * * *\" for every hour.");
        }

        if (!hasTimestamp && (every is not null || cron is not null))
        {
            throw new InputException(
                "--every and --cron schedule incremental runs, which need a SQL source with --timestamp-column; for a file or a query without one, use --full-every.");
        }

        return new SyncSchedule(every, full, cron?.Trim());
    }

    private static Option<TimeSpan?> Duration(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = Parsers.One<TimeSpan?>(value => Durations.Parse(name, value)),
    };
}
