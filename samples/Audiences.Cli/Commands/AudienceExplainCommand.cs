using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience explain ID PROFILE_ID</c>: why a record is in or out of an audience, evaluated now: every
/// node of the criteria, held or failed, each condition with the record's value, then the verdict and
/// the stored membership. --json: <see cref="AudienceJson.Explanation"/>.
/// </summary>
internal sealed class AudienceExplainCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["audience", "explain"];

    public string Summary => "explains why a record is in or out of an audience: each condition held or failed, with the record's values";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } =
    [
        AudienceCommand.Id,
        new("PROFILE_ID", "the record to explain (member or not)"),
    ];

    public IReadOnlyList<OptionSpec> Options { get; } = [];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        const string Command = "audience explain";
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, options, Command, cancellationToken);
        var where = $"{Command} {audience.Id}";
        var (id, profile) = await AudienceCommand.RequireProfileAsync(session, options.GetRequiredArgument("PROFILE_ID"), where, cancellationToken);
        var explanation = await AudienceCommand.CallAsync(where, () => session.Audiences.ExplainAsync(audience.Id, id, cancellationToken));
        if (context.Json)
        {
            context.WriteJson(AudienceJson.Explanation(explanation));
        }
        else
        {
            AudienceText.WriteExplanation(context.Out, audience, profile, explanation);
        }

        return ExitCodes.Success;
    }
}
