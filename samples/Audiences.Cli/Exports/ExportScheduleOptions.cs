using System.CommandLine;
using System.CommandLine.Parsing;
using Audiences.Cli.Cli;
using Audiences.Cli.Commands;
using Audiences.Cli.Syncs;

namespace Audiences.Cli.Exports;

/// <summary><c>--every D</c> (24h unless given) or <c>--manual</c>: when a host running the SDK's scheduler runs an export.</summary>
internal sealed class ExportScheduleOptions
{
    public static readonly TimeSpan DefaultEvery = TimeSpan.FromHours(24);

    private readonly Option<TimeSpan?> _every = new("--every")
    {
        Description = "run on its own this often, e.g. 24h, 90m or 7d (default 24h)",
        HelpName = "DURATION",
        CustomParser = Parsers.One<TimeSpan?>(value => Durations.Parse("--every", value)),
    };

    private readonly Option<bool> _manual = CommonOptions.Flag("--manual", "run it only by hand (export run), never on a schedule");

    public void AddTo(Command command)
    {
        command.Options.Add(_every);
        command.Options.Add(_manual);
        command.Validators.Add(Validate);
    }

    /// <summary>The interval given, 24 hours by default, or null with --manual.</summary>
    public TimeSpan? Every(ParseResult parse) => parse.GetValue(_manual) ? null : parse.GetValue(_every) ?? DefaultEvery;

    private void Validate(CommandResult result)
    {
        if (result.GetResult(_every) is not null && result.GetResult(_manual) is { Implicit: false })
        {
            result.AddError("--every and --manual contradict each other; give one.");
        }
    }
}
