using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience archive ID PROFILE_ID</c> and <c>audience restore ID PROFILE_ID</c>: takes a member out of
/// the active set (it stays tracked, and leaves the audience when it stops matching) or puts an archived
/// one back. --json: <c>{"audience":1,"profile":"3","action":"archived","changed":true,"state":"archived","count":N}</c>.
/// </summary>
internal sealed class AudienceArchiveCommand(bool archive) : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["audience", archive ? "archive" : "restore"];

    public string Summary => archive
        ? "archives a member: not counted, listed or passed on, but still tracked"
        : "restores an archived member to the active set";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } =
    [
        AudienceCommand.Id,
        new("PROFILE_ID", archive ? "the member to archive (the ID column of 'audience members')" : "the record to restore (the ID column of 'audience archived')"),
    ];

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var command = CommandRegistry.NameOf(this);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, options, command, cancellationToken);
        var where = $"{command} {audience.Id}";
        var (id, profile) = await AudienceCommand.RequireProfileAsync(session, options.GetRequiredArgument("PROFILE_ID"), where, cancellationToken);
        var changed = await AudienceCommand.CallAsync(where, () => archive
            ? session.Audiences.ArchiveAsync(audience.Id, [id], cancellationToken)
            : session.Audiences.RestoreAsync(audience.Id, [id], cancellationToken)) > 0;
        var count = await session.Audiences.CountAsync(audience.Id, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(AudienceJson.Archive(audience, id, archive, changed, count));
            return ExitCodes.Success;
        }

        var who = AudienceText.Profile(id, profile);
        var name = AudienceText.Name(audience);
        var remaining = AudienceText.Records(count, "active");
        context.Out.WriteLine((archive, changed) switch
        {
            (true, true) => $"Archived {who} in {name}: it is no longer counted, listed or passed on, but stays tracked; {remaining}.",
            (true, false) => $"{AudienceText.Capital(who)} was already archived in {name}; nothing changed ({remaining}).",
            (false, true) => $"Restored {who} to {name}: {remaining}.",
            (false, false) => $"{AudienceText.Capital(who)} is already active in {name}; nothing changed ({remaining}).",
        });
        return ExitCodes.Success;
    }
}
