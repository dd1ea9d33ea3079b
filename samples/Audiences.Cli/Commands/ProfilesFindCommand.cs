using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>profiles find --kind K (--id N | --alias field=value)</c>: one profile, by id (a merged id gives its survivor) or by an
/// alias value as a source would give it. --json: the profile exactly as <c>profiles list --json</c> prints each one.
/// Nothing found, or a profile of the other kind: exit 1, with a hint when the field is not an alias.
/// </summary>
internal sealed class ProfilesFindCommand : CliCommand
{
    private readonly Option<EntityKind> _kind = CommonOptions.Kind();
    private readonly Option<ProfileId?> _id = new("--id")
    {
        Description = "the profile's id, as 'profiles list' shows it",
        HelpName = "N",
        CustomParser = Parsers.One<ProfileId?>(value => CommandArguments.ProfileId("--id", value)),
    };

    private readonly Option<(string Field, string Value)?> _alias = new("--alias")
    {
        Description = "an alias and its value, e.g. email=ada@example.com (person: email, linkedin_url, phone; company: domain, linkedin_url)",
        HelpName = "FIELD=VALUE",
        CustomParser = Parsers.One<(string Field, string Value)?>(value => Alias(value)),
    };

    public ProfilesFindCommand()
        : base("find", "shows one profile, found by id or by an alias value")
    {
        Options.Add(_kind);
        Options.Add(_id);
        Options.Add(_alias);
        Validators.Add(result =>
        {
            var given = (result.GetResult(_id) is not null ? 1 : 0) + (result.GetResult(_alias) is not null ? 1 : 0);
            if (given != 1)
            {
                result.AddError("Give exactly one of --id N or --alias FIELD=VALUE.");
            }
        });
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var kind = parse.GetValue(_kind);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        Profile? profile;
        string missing;
        if (parse.GetValue(_id) is { } id)
        {
            profile = await session.Profiles.GetProfileAsync(id, cancellationToken);
            missing = profile is null
                ? $"there is no profile {id}; 'profiles list --kind {Names.Kind(kind)}' shows the ids there are."
                : $"profile {id} is a {Names.Kind(profile.Kind)}, not a {Names.Kind(kind)}; give --kind {Names.Kind(profile.Kind)}.";
            profile = profile?.Kind == kind ? profile : null;
        }
        else
        {
            var (field, value) = parse.GetValue(_alias)!.Value;
            profile = await session.Profiles.FindProfileAsync(kind, field, value, cancellationToken);
            missing = AliasesOf(kind).Contains(field)
                ? $"no {Names.Kind(kind)} has {field} '{value}'."
                : $"no {Names.Kind(kind)} has {field} '{value}': '{field}' is not an alias of a {Names.Kind(kind)} ({string.Join(", ", AliasesOf(kind))}); to find by another field use 'profiles list --kind {Names.Kind(kind)} --filter \"{field} = '{value}'\"'.";
        }

        if (profile is null)
        {
            context.Error.WriteLine($"error: {missing}");
            return ExitCodes.BadInput;
        }

        if (context.Json)
        {
            context.WriteJson(CliJson.Profile(profile));
        }
        else
        {
            ProfileCard.Write(context.Out, profile);
        }

        return ExitCodes.Success;
    }

    /// <summary>The alias fields a kind matches on (the SDK's defaults and phone for people).</summary>
    private static IReadOnlyList<string> AliasesOf(EntityKind kind) => kind == EntityKind.Company
        ? [AliasFields.Domain, AliasFields.LinkedInUrl]
        : [AliasFields.Email, AliasFields.LinkedInUrl, AliasFields.Phone];

    private static (string, string) Alias(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var field = equals > 0 ? text[..equals].Trim() : string.Empty;
        return FieldKey.IsValid(field) && equals < text.Length - 1
            ? (field, text[(equals + 1)..])
            : throw new InputException($"--alias '{text}' is not field=value; e.g. --alias email=ada@example.com or --alias domain=example.com.");
    }
}
