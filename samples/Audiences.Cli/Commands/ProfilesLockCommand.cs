using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>profiles lock ID FIELD [VALUE]</c>: locks a field to VALUE (parsed with the field's type), or to
/// its current value; no import, upsert or enrichment overwrites it until it is unlocked. --json:
/// <c>{"field":"title","locked":true,"value":{"value":"CTO","source":{...},"sourceKind":"manual","observedAt":"..."},"profile":{...}}</c>.
/// </summary>
internal sealed class ProfilesLockCommand : CliCommand
{
    private readonly Argument<ProfileId> _id = FieldLocks.Id();
    private readonly Argument<string> _field = FieldLocks.Field();
    private readonly Argument<string?> _value = new("VALUE")
    {
        Description = "the value to lock, written as in a CSV file for the field's type (number, true/false, 2026-01-31, a;b)",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public ProfilesLockCommand()
        : base("lock", "locks a field of a profile to a value (default: its current one) that no import overwrites")
    {
        Arguments.Add(_id);
        Arguments.Add(_field);
        Arguments.Add(_value);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(_id);
        var field = parse.GetRequiredValue(_field);
        var text = parse.GetValue(_value);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var value = text is null ? (FieldValue?)null : await FieldLocks.ParseAsync(session.Profiles, id, field, text, cancellationToken);
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
