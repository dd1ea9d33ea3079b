using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience activate AUDIENCE</c>: makes a draft active (an active audience stays as it is).
/// --json: the audience (<see cref="AudienceJson.Audience"/>).
/// </summary>
internal sealed class AudienceActivateCommand : CliCommand
{
    private readonly Argument<AudienceReference> _audience = AudienceCommand.Audience();

    public AudienceActivateCommand()
        : base("activate", "makes a draft audience active: listed to its creator under --mine and, when shared, to others")
    {
        Arguments.Add(_audience);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, parse.GetValue(_audience), Path, cancellationToken);
        var wasDraft = audience.Status == AudienceStatus.Draft;
        var active = await AudienceCommand.CallAsync($"{Path} {audience.Id}", () => session.Audiences.ActivateAsync(audience.Id, cancellationToken));
        var count = await session.Audiences.CountAsync(active.Id, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(AudienceJson.Audience(active, count));
        }
        else
        {
            context.Out.WriteLine(wasDraft
                ? $"Activated {AudienceText.Name(active)} ({AudienceText.Records(count, "active")})."
                : $"{AudienceText.Capital(AudienceText.Name(active))} was already active; nothing changed.");
        }

        return ExitCodes.Success;
    }
}
