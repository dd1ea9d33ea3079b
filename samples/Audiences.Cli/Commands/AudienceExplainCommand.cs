using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience explain AUDIENCE PROFILE_ID</c>: why a record is in or out of an audience, evaluated now: every
/// node of the criteria, held or failed, each condition with the record's value, then the verdict and
/// the stored membership. --json: <see cref="AudienceJson.Explanation"/>.
/// </summary>
internal sealed class AudienceExplainCommand : CliCommand
{
    private readonly Argument<AudienceReference> _audience = AudienceCommand.Audience();
    private readonly Argument<ProfileId> _profile = CommonOptions.ProfileId("PROFILE_ID", "the record to explain (member or not)");

    public AudienceExplainCommand()
        : base("explain", "explains why a record is in or out of an audience: each condition held or failed, with the record's values")
    {
        Arguments.Add(_audience);
        Arguments.Add(_profile);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, parse.GetValue(_audience), Path, cancellationToken);
        var where = $"{Path} {audience.Id}";
        var id = parse.GetValue(_profile);
        var profile = await AudienceCommand.RequireProfileAsync(session, id, where, cancellationToken);
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
