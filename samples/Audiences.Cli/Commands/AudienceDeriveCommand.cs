using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience derive AUDIENCE NAME --filter COND [--draft] [--private] [--user U]</c>: a new audience of the parent's
/// kind whose criteria are the parent's AND the condition (copied now: later changes to the parent do not flow
/// in), evaluated at once. Like 'audience create', active and shared with the workspace unless --draft or
/// --private. --json: the audience (<see cref="AudienceJson.Audience"/>).
/// </summary>
internal sealed class AudienceDeriveCommand : CliCommand
{
    private readonly Argument<AudienceReference> _parent = AudienceCommand.Audience("the parent audience: its id or its name (the ID or NAME column of 'audience list')");
    private readonly Argument<string> _name = new("NAME") { Description = "the new audience's name" };
    private readonly Option<string> _filter = CommonOptions.Filter("the condition added to the parent's criteria, e.g. \"country = 'GB'\"", required: true);
    private readonly AudienceDefinitionOptions _definition = new("the creating user", "keep it a draft");

    public AudienceDeriveCommand()
        : base("derive", "derives an audience: the parent's criteria AND a condition, evaluated at once")
    {
        Arguments.Add(_parent);
        Arguments.Add(_name);
        Options.Add(_filter);
        _definition.AddTo(this);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        var text = parse.GetRequiredValue(_filter);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var parent = await AudienceCommand.RequireAsync(session, parse.GetValue(_parent), Path, cancellationToken);
        var definition = _definition.Read(parse, Path, name, parent.Kind);
        var derived = await context.WithStatusAsync(
            "Evaluating the audience over every profile",
            () => AudienceCommand.BindAsync(context, Path, text, () => session.Audiences.DeriveAsync(parent.Id, definition, text, cancellationToken)));
        if (derived is null)
        {
            return ExitCodes.BadInput;
        }

        var count = await session.Audiences.CountAsync(derived.Id, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(AudienceJson.Audience(derived, count));
        }
        else
        {
            context.Out.WriteLine($"Derived {AudienceText.Name(derived)} from {AudienceText.Name(parent)}:");
            AudienceText.WriteDefinition(context.Out, derived, count);
        }

        return ExitCodes.Success;
    }
}
