using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience create NAME --kind K --filter TEXT [--draft] [--private] [--user U]</c>: saves an audience
/// and evaluates it over every profile of its kind, so its members are there at once. Active and shared
/// with the workspace unless --draft or --private. --json: the audience (<see cref="AudienceJson.Audience"/>).
/// </summary>
internal sealed class AudienceCreateCommand : CliCommand
{
    private readonly Argument<string> _name = new("NAME") { Description = "the audience's name, unique in the workspace regardless of case" };
    private readonly Option<EntityKind> _kind = CommonOptions.Kind();
    private readonly Option<string> _filter = CommonOptions.Filter(
        "the criteria, e.g. \"title contains 'VP' and company.employees < 500\" (syntax: docs/filters.md)", required: true);

    private readonly AudienceDefinitionOptions _definition = new("the creating user", "create it as a draft");

    public AudienceCreateCommand()
        : base("create", "creates an audience from a filter and evaluates it: its members are there at once")
    {
        Arguments.Add(_name);
        Options.Add(_kind);
        Options.Add(_filter);
        _definition.AddTo(this);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var text = parse.GetRequiredValue(_filter);
        var definition = _definition.Read(parse, Path, parse.GetRequiredValue(_name), parse.GetValue(_kind));
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await context.WithStatusAsync(
            "Evaluating the audience over every profile",
            () => AudienceCommand.BindAsync(context, Path, text, () => session.Audiences.CreateAsync(definition, text, cancellationToken)));
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
