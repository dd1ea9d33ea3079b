using System.CommandLine;
using System.Globalization;
using Audiences.Cli.Cli;
using Audiences.Sdk.Drafts;

namespace Audiences.Cli.Commands;

/// <summary>The <c>ID</c> of a draft, and reading it with a hint when there is none.</summary>
internal static class DraftIdArgument
{
    public static Argument<long> Create() => new("ID")
    {
        Description = "the draft's id, as 'draft list' shows it",
        CustomParser = Parsers.One((command, value) =>
            long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? id
                : throw new InputException($"{command}: '{value}' is not a draft id; give the number shown by 'draft list'.")),
    };

    /// <exception cref="InputException">There is no draft with the id.</exception>
    public static async Task<Draft> ReadAsync(AudiencesSession session, long id, CancellationToken cancellationToken) =>
        await session.Drafts.GetAsync(id, cancellationToken)
        ?? throw new InputException($"there is no draft {id}; 'draft list' shows the drafts there are.");

    /// <summary>Refuses a draft that was already committed or discarded, saying which.</summary>
    /// <exception cref="InputException">The draft is not open.</exception>
    public static void EnsureOpen(Draft draft, string action)
    {
        if (draft.Status != DraftStatus.Open)
        {
            throw new InputException($"draft {draft.Id} was already {Drafts.DraftJson.Status(draft.Status)}; only an open draft can be {action}.");
        }
    }
}
