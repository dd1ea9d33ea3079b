using Audiences.Cli.Cli;
using Audiences.Cli.Search;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Demo;

/// <summary>
/// The demo's search: people whose title holds "VP", found by the sample search provider, kept in a draft, then
/// committed — some join the profiles the CSV files made (by email or LinkedIn URL), the others are created.
/// </summary>
internal sealed record DemoDraft(Draft Draft, IReadOnlyList<SourceRecord> Records, ImportResult Result)
{
    public const string Where = "title contains \"VP\"";

    public static async Task<DemoDraft> RunAsync(CommandContext context, AudiencesSession session, CancellationToken cancellationToken)
    {
        var draft = await context.WithStatusAsync(
            "Searching", () => session.Drafts.SearchAsync(SampleSearchProvider.ProviderName, new SearchQuery(EntityKind.Person, Where), cancellationToken));
        var records = await session.Drafts.ListRecordsAsync(draft.Id, cancellationToken);
        var result = await session.Drafts.CommitAsync(draft.Id, cancellationToken);
        return new DemoDraft(await session.Drafts.GetAsync(draft.Id, cancellationToken) ?? draft, records, result);
    }
}
