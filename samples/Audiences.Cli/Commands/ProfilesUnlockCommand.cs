using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>profiles unlock ID FIELD</c>: removes the lock; the field's value comes from the sources again.
/// --json: <c>{"field":"title","locked":false,"value":{...}|null,"profile":{...}}</c>.
/// </summary>
internal sealed class ProfilesUnlockCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["profiles", "unlock"];

    public string Summary => "unlocks a field of a profile: its value comes from the sources again";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [FieldLocks.Id, FieldLocks.Field];

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var id = CommandArguments.ProfileId("profiles unlock", options.GetRequiredArgument("ID"));
        var field = FieldLocks.FieldKey("profiles unlock", id, options.GetRequiredArgument("FIELD"));
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
