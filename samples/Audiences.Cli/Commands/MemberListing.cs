using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Commands;

/// <summary>Reads and writes the records of <c>audience members</c> and <c>audience archived</c>: a page as a table, or CSV.</summary>
internal static class MemberListing
{
    // The CSV reads every record in pages of this size, so memory stays bounded on large audiences.
    private const int CsvPage = 1_000;

    public static Task<MemberPage> PageAsync(
        AudiencesSession session, Audience audience, MemberState state, ProfileId? after, int limit, CancellationToken cancellationToken) =>
        state == MemberState.Active
            ? session.Audiences.ListMembersAsync(audience.Id, after, limit, cancellationToken)
            : session.Audiences.ListArchivedAsync(audience.Id, after, limit, cancellationToken);

    public static void WriteText(TextWriter writer, Audience audience, MemberState state, long count, ProfileId? after, MemberPage page)
    {
        var which = Names.State(state)!;
        var name = AudienceText.Capital(AudienceText.Name(audience));
        if (page.Profiles.Count == 0)
        {
            writer.WriteLine(after is { } start ? $"{name} has no {which} records after id {start}." : $"{name} has no {which} records.");
            return;
        }

        var heading = state == MemberState.Active
            ? $"{name}: {AudienceText.Records(count, "active")}"
            : $"{name}: archived records ({AudienceText.Records(count, "active")} besides)";
        writer.WriteLine(after is { } from ? $"{heading}; after id {from}:" : $"{heading}:");
        ProfileText.WriteTable(writer, page.Profiles);
        if (page.Next is { } next)
        {
            writer.WriteLine($"More {which} records follow; for the next page add --after {next}.");
        }
    }

    /// <summary>
    /// Writes the records as CSV on stdout: every one, or one page when <paramref name="limit"/> is given
    /// (then stderr says how to read on, keeping stdout pure CSV).
    /// </summary>
    public static async Task WriteCsvAsync(
        CommandContext context, AudiencesSession session, Audience audience, MemberState state, ProfileId? after, int? limit, CancellationToken cancellationToken)
    {
        var fields = await session.Profiles.GetFieldsAsync(audience.Kind, cancellationToken);
        await using var csv = MemberCsv.Start(context.Out, fields);
        var left = limit ?? int.MaxValue;
        var cursor = after;
        while (left > 0)
        {
            var page = await PageAsync(session, audience, state, cursor, Math.Min(left, CsvPage), cancellationToken);
            foreach (var profile in page.Profiles)
            {
                csv.Write(profile);
            }

            left -= page.Profiles.Count;
            cursor = page.Next;
            if (cursor is null || page.Profiles.Count == 0)
            {
                return;
            }
        }

        context.Error.WriteLine($"More {Names.State(state)} records follow; for the next page add --after {cursor}.");
    }
}
