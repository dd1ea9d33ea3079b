using Audiences.Cli.Drafts;
using Audiences.Cli.Output;
using Audiences.Cli.Syncs;

namespace Audiences.Cli.Demo;

/// <summary>The human-readable report of the demo's search, sync and push.</summary>
internal static class DemoLoopText
{
    public static void Write(TextWriter writer, DemoLoop loop)
    {
        var (draft, sync, upsert) = loop;
        writer.WriteLine();
        writer.WriteLine($"Search: {DemoDraft.Where} with the '{draft.Draft.Provider}' provider found {Formats.Count(draft.Records.Count)} people, kept in draft {draft.Draft.Id} until committed:");
        DraftText.WriteRecords(writer, draft.Records);
        writer.WriteLine(FormattableString.Invariant(
            $"   committed: {draft.Result.Updated + draft.Result.Unchanged} joined existing profiles by email or LinkedIn URL, {draft.Result.Created} created"));
        ImportText.Write(writer, draft.Result, "   ");

        writer.WriteLine();
        writer.WriteLine($"Warehouse: '{sync.WarehousePath}' holds the product's sign-ups; sync '{sync.Definition.Name}' reads them by updated_at:");
        writer.WriteLine($"   query: {DemoWarehouse.Query}");
        writer.WriteLine($"   first run:  {SyncText.Outcome(sync.First)}");
        writer.WriteLine($"   then sign-ups {string.Join(" and ", DemoWarehouse.Upgraded)} moved to a paid plan; the next run reads only what changed:");
        writer.WriteLine($"   second run: {SyncText.Outcome(sync.Second)}");
        writer.WriteLine("   sync history:");
        SyncText.WriteHistory(writer, sync.History, "     ");

        writer.WriteLine();
        writer.WriteLine(FormattableString.Invariant(
            $"Push: the product upserted {upsert.Key} (newsletter = true): {(upsert.Result.Created > 0 ? "created a profile" : "joined the profile holding its email")}."));
        writer.WriteLine(upsert.Found is { } found
            ? $"   found again by email '{upsert.Lookup}': person {found.Id}, {ProfileText.DisplayName(found)}, from {found.Sources.Count} source records"
            : $"   no profile found by email '{upsert.Lookup}'");
    }
}
