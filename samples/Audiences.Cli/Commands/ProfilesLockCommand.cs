using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>profiles lock ID FIELD [VALUE]</c>: locks a field to VALUE (parsed with the field's type), or to
/// its current value; no import, upsert or enrichment overwrites it until it is unlocked. --json:
/// <c>{"field":"title","locked":true,"value":{"value":"CTO","source":{...},"sourceKind":"manual","observedAt":"..."},"profile":{...}}</c>.
/// </summary>
internal sealed class ProfilesLockCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["profiles", "lock"];

    public string Summary => "locks a field of a profile to a value (default: its current one) that no import overwrites";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } =
    [
        FieldLocks.Id,
        FieldLocks.Field,
        new("VALUE", "the value to lock, written as in a CSV file for the field's type (number, true/false, 2026-01-31, a;b)") { Optional = true },
    ];

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var id = CommandArguments.ProfileId("profiles lock", options.GetRequiredArgument("ID"));
        var field = FieldLocks.FieldKey("profiles lock", id, options.GetRequiredArgument("FIELD"));
        var text = options.Argument("VALUE");
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var value = text is null ? (Sdk.Profiles.FieldValue?)null : await FieldLocks.ParseAsync(session.Profiles, id, field, text, cancellationToken);
        var profile = await FieldLocks.ChangeAsync(
            "profiles lock", id, field, () => session.Profiles.LockFieldAsync(id, field, value, cancellationToken));

        FieldLocks.Write(
            context,
            profile,
            field,
            $"Locked {field} of {Names.Kind(profile.Kind)} {profile.Id} to '{profile[field]}': imports leave it until 'profiles unlock {profile.Id} {field}'.");
        return ExitCodes.Success;
    }
}
