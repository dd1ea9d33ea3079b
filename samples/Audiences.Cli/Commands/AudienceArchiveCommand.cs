using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience archive AUDIENCE PROFILE_ID</c> and <c>audience restore AUDIENCE PROFILE_ID</c>: takes a member out of
/// the active set (it stays tracked, and leaves the audience when it stops matching) or puts an archived
/// one back. --json: <c>{"audience":1,"profile":"3","action":"archived","changed":true,"state":"archived","count":N}</c>.
/// </summary>
internal sealed class AudienceArchiveCommand : CliCommand
{
    private readonly bool _archive;
    private readonly Argument<AudienceReference> _audience = AudienceCommand.Audience();
    private readonly Argument<ProfileId> _profile;

    public AudienceArchiveCommand(bool archive)
        : base(
            archive ? "archive" : "restore",
            archive ? "archives a member: not counted, listed or passed on, but still tracked" : "restores an archived member to the active set")
    {
        _archive = archive;
        _profile = CommonOptions.ProfileId(
            "PROFILE_ID",
            archive ? "the member to archive (the ID column of 'audience members')" : "the record to restore (the ID column of 'audience archived')");
        Arguments.Add(_audience);
        Arguments.Add(_profile);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, parse.GetValue(_audience), Path, cancellationToken);
        var where = $"{Path} {audience.Id}";
        var id = parse.GetValue(_profile);
        var profile = await AudienceCommand.RequireProfileAsync(session, id, where, cancellationToken);
        var changed = await AudienceCommand.CallAsync(where, () => _archive
            ? session.Audiences.ArchiveAsync(audience.Id, [id], cancellationToken)
            : session.Audiences.RestoreAsync(audience.Id, [id], cancellationToken)) > 0;
        var count = await session.Audiences.CountAsync(audience.Id, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(AudienceJson.Archive(audience, id, _archive, changed, count));
            return ExitCodes.Success;
        }

        var who = AudienceText.Profile(id, profile);
        var name = AudienceText.Name(audience);
        var remaining = AudienceText.Records(count, "active");
        context.Out.WriteLine((_archive, changed) switch
        {
            (true, true) => $"Archived {who} in {name}: it is no longer counted, listed or passed on, but stays tracked; {remaining}.",
            (true, false) => $"{AudienceText.Capital(who)} was already archived in {name}; nothing changed ({remaining}).",
            (false, true) => $"Restored {who} to {name}: {remaining}.",
            (false, false) => $"{AudienceText.Capital(who)} is already active in {name}; nothing changed ({remaining}).",
        });
        return ExitCodes.Success;
    }
}
