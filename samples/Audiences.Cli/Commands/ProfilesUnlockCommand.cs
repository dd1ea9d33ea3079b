using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>profiles unlock ID FIELD</c>: removes the lock; the field's value comes from the sources again.
/// --json: <c>{"field":"title","locked":false,"value":{...}|null,"profile":{...}}</c>.
/// </summary>
internal sealed class ProfilesUnlockCommand : CliCommand
{
    private readonly Argument<ProfileId> _id = FieldLocks.Id();
    private readonly Argument<string> _field = FieldLocks.Field();

    public ProfilesUnlockCommand()
        : base("unlock", "unlocks a field of a profile: its value comes from the sources again")
    {
        Arguments.Add(_id);
        Arguments.Add(_field);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(_id);
        var field = parse.GetRequiredValue(_field);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var profile = await FieldLocks.ChangeAsync(
            "profiles unlock", id, field, () => session.Profiles.UnlockFieldAsync(id, field, cancellationToken));

        var now = profile.Values.TryGetValue(field, out var current)
            ? $"'{current.Value}' from {current.Source}"
            : "no value, as no source gives one";
        FieldLocks.Write(context, profile, field, $"Unlocked {field} of {Names.Kind(profile.Kind)} {profile.Id}: it has {now}.");
        return ExitCodes.Success;
    }
}
