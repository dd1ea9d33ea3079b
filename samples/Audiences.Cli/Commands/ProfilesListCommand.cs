using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>profiles list --kind K</c>: every live profile, oldest first. --json:
/// <c>[{"id":"...","aliases":{"email":[...]},"sources":[{"source":"crm","object":"rows","id":"42"}],"fields":{"title":"CTO"}}, ...]</c>.
/// </summary>
internal sealed class ProfilesListCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["profiles", "list"];

    public string Summary => "lists the profiles of a kind with their aliases, sources and values";

    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Kind];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var kind = Names.ParseKind(options.GetRequired("--kind"));
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var profiles = new List<Profile>();
        await foreach (var profile in session.Profiles.ListProfilesAsync(kind, cancellationToken))
        {
            profiles.Add(profile);
        }

        if (context.Json)
        {
            context.WriteJson(new JsonArray(profiles.Select(p => (JsonNode)CliJson.Profile(p)).ToArray()));
        }
        else if (profiles.Count == 0)
        {
            context.Out.WriteLine($"No {Names.Plural(kind)} yet.");
        }
        else
        {
            ProfileText.WriteTable(context.Out, profiles);
        }

        return ExitCodes.Success;
    }
}
