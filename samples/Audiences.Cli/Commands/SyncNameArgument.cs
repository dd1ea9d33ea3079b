using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Commands;

/// <summary>The <c>NAME</c> of an existing sync, and reading it with a hint when there is none.</summary>
internal static class SyncNameArgument
{
    public static Argument<string> Create() => new("NAME")
    {
        Description = "the sync's name, as 'sync list' shows it",
        CustomParser = Parsers.One(ImportArguments.Name("NAME")),
    };

    /// <exception cref="InputException">There is no sync with the name.</exception>
    public static async Task<SyncDefinition> ReadAsync(AudiencesSession session, string name, CancellationToken cancellationToken) =>
        await session.Syncs.GetAsync(name, cancellationToken)
        ?? throw new InputException($"there is no sync '{name}'; 'sync list' shows the syncs there are.");
}
