using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience derive ID NAME --filter COND [--draft] [--private] [--user U]</c>: a new audience of the parent's
/// kind whose criteria are the parent's AND the condition (copied now: later changes to the parent do not flow
/// in), evaluated at once. Like 'audience create', active and shared with the workspace unless --draft or
/// --private. --json: the audience (<see cref="AudienceJson.Audience"/>).
/// </summary>
internal sealed class AudienceDeriveCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["audience", "derive"];

    public string Summary => "derives an audience: the parent's criteria AND a condition, evaluated at once";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } =
    [
        new("ID", "the parent audience (the ID column of 'audience list')"),
        new("NAME", "the new audience's name"),
    ];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        FilterOption.Spec("the condition added to the parent's criteria, e.g. \"country = 'GB'\"") with { Required = true },
        new("--draft", null, "keep it a draft (listed only to its creator, under --drafts) rather than active"),
        new("--private", null, "list it only to its creator rather than to the whole workspace"),
        AudienceCommand.User("the creating user"),
    ];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        const string Command = "audience derive";
        var name = options.GetRequiredArgument("NAME");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InputException($"{Command}: NAME is empty; give the audience a name.");
        }

        var text = options.GetRequired(FilterOption.Name);
        var user = AudienceCommand.ActingUser(options);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var parent = await AudienceCommand.RequireAsync(session, options, Command, cancellationToken);
        var definition = new AudienceDefinition(name, parent.Kind, user)
        {
            Status = options.Has("--draft") ? AudienceStatus.Draft : AudienceStatus.Active,
            Visibility = options.Has("--private") ? AudienceVisibility.Private : AudienceVisibility.Workspace,
        };
        var derived = await AudienceCommand.BindAsync(
            context, Command, text, () => session.Audiences.DeriveAsync(parent.Id, definition, text, cancellationToken));
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
