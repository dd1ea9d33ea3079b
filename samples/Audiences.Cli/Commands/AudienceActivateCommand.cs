using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience activate ID</c>: makes a draft active (an active audience stays as it is).
/// --json: the audience (<see cref="AudienceJson.Audience"/>).
/// </summary>
internal sealed class AudienceActivateCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["audience", "activate"];

    public string Summary => "makes a draft audience active: listed to its creator under --mine and, when shared, to others";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [AudienceCommand.Id];

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        const string Command = "audience activate";
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, options, Command, cancellationToken);
        var wasDraft = audience.Status == AudienceStatus.Draft;
        var active = await AudienceCommand.CallAsync($"{Command} {audience.Id}", () => session.Audiences.ActivateAsync(audience.Id, cancellationToken));
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
