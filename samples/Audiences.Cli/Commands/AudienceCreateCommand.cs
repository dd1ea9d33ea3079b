using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience create NAME --kind K --filter TEXT [--draft] [--private] [--user U]</c>: saves an audience
/// and evaluates it over every profile of its kind, so its members are there at once. Active and shared
/// with the workspace unless --draft or --private. --json: the audience (<see cref="AudienceJson.Audience"/>).
/// </summary>
internal sealed class AudienceCreateCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["audience", "create"];

    public string Summary => "creates an audience from a filter and evaluates it: its members are there at once";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } =
    [
        new("NAME", "the audience's name, unique in the workspace regardless of case"),
    ];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Kind,
        FilterOption.Spec("the criteria, e.g. \"title contains 'VP' and company.employees < 500\" (syntax: docs/filters.md)") with { Required = true },
        new("--draft", null, "create it as a draft (listed only to its creator, under --drafts) rather than active"),
        new("--private", null, "list it only to its creator rather than to the whole workspace"),
        AudienceCommand.User("the creating user"),
    ];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        const string Command = "audience create";
        var name = options.GetRequiredArgument("NAME");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InputException($"{Command}: NAME is empty; give the audience a name.");
        }

        var kind = Names.ParseKind(options.GetRequired("--kind"));
        var text = options.GetRequired(FilterOption.Name);
        var definition = new AudienceDefinition(name, kind, AudienceCommand.ActingUser(options))
        {
            Status = options.Has("--draft") ? AudienceStatus.Draft : AudienceStatus.Active,
            Visibility = options.Has("--private") ? AudienceVisibility.Private : AudienceVisibility.Workspace,
        };

        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.BindAsync(
            context, Command, text, () => session.Audiences.CreateAsync(definition, text, cancellationToken));
        if (audience is null)
        {
            return ExitCodes.BadInput;
        }

        var count = await session.Audiences.CountAsync(audience.Id, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(AudienceJson.Audience(audience, count));
        }
        else
        {
            context.Out.WriteLine($"Created {AudienceText.Name(audience)}:");
            AudienceText.WriteDefinition(context.Out, audience, count);
        }

        return ExitCodes.Success;
    }
}
