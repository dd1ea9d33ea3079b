using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Enrichment;
using Cronos;

namespace Audiences.Cli.Enrichments;

/// <summary>
/// <c>--every DURATION</c> or <c>--cron EXPR</c>: when a host running the SDK's scheduler runs the enrichment; neither
/// means by hand only. Both at once is a usage error, since the enrichment would have two clocks.
/// </summary>
internal sealed class EnrichmentScheduleOptions
{
    private readonly Option<TimeSpan?> _every = new("--every")
    {
        Description = "run on its own this often, e.g. 1d (durations: 90s, 15m, 12h, 1d)",
        HelpName = "DURATION",
        CustomParser = Parsers.One<TimeSpan?>(value => Durations.Parse("--every", value)),
    };

    private readonly Option<string?> _cron = new("--cron")
    {
        Description = "run on its own at each occurrence of a cron expression (five fields, UTC), e.g. \"0 0 1 * *\", instead of --every",
        HelpName = "EXPR",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_every);
        command.Options.Add(_cron);
        command.Validators.Add(result =>
        {
            if (result.GetResult(_every) is { Implicit: false } && result.GetResult(_cron) is { Implicit: false })
            {
                result.AddError("--every and --cron both schedule the enrichment; give one of them.");
            }
        });
    }

    /// <summary>The schedule given; null for by hand only.</summary>
    /// <exception cref="InputException">--cron is blank or not a cron expression of five fields.</exception>
    public EnrichmentSchedule? Schedule(ParseResult parse)
    {
        var every = parse.GetValue(_every);
        var cron = parse.GetValue(_cron);
        if (cron is not null && string.IsNullOrWhiteSpace(cron))
        {
            throw new InputException("--cron is empty; give five fields, e.g. \"0 0 1 * *\" for the first of each month.");
        }

        if (cron is not null)
        {
            CheckCron(cron.Trim());
        }

        return every is null && cron is null ? null : new EnrichmentSchedule(every, cron?.Trim());
    }

    // The SDK stores an enrichment's cron expression as given, so a typo would surface only when a scheduler reads it.
    private static void CheckCron(string cron)
    {
        try
        {
            CronExpression.Parse(cron);
        }
        catch (CronFormatException e)
        {
            throw new InputException($"--cron '{cron}' is not a cron expression: {e.Message} Give five fields (UTC), e.g. \"0 0 1 * *\".", e);
        }
    }
}
