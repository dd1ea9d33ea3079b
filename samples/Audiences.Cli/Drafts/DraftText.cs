using Audiences.Cli.Output;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Drafts;

/// <summary>Human-readable views of drafts.</summary>
internal static class DraftText
{
    // The fields that tell search results apart at a glance, in the order shown.
    private static readonly string[] Highlights = ["title", "company_name", "email", "domain", "industry", "employees"];
    private static readonly string[] NameParts = ["first_name", "last_name"];

    public static string Line(Draft draft) =>
        $"draft {draft.Id}: {Formats.Count(draft.RecordCount)} {Names.Plural(draft.Kind)} from '{draft.Provider}' for {(draft.Query.Length > 0 ? draft.Query : "anything")}, {DraftJson.Status(draft.Status)}";

    public static void WriteList(TextWriter writer, IReadOnlyList<Draft> drafts)
    {
        var table = new TextTable("ID", "KIND", "PROVIDER", "QUERY", "RECORDS", "STATUS", "CREATED").AlignRight(0, 4);
        foreach (var draft in drafts)
        {
            table.Add(
                draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Names.Kind(draft.Kind),
                draft.Provider,
                draft.Query,
                Formats.Count(draft.RecordCount),
                DraftJson.Status(draft.Status),
                Formats.Time(draft.CreatedAt));
        }

        table.WriteTo(writer);
    }

    public static void WriteRecords(TextWriter writer, IReadOnlyList<SourceRecord> records)
    {
        var table = new TextTable("KEY", "NAME", "DETAILS");
        foreach (var record in records)
        {
            var name = record.Values.TryGetValue("name", out var full) ? full.ToString()
                : string.Join(' ', NameParts.Where(record.Values.ContainsKey).Select(f => record.Values[f].ToString()));
            table.Add(
                record.Key.ToString(),
                name,
                string.Join(", ", Highlights.Where(record.Values.ContainsKey).Select(f => record.Values[f].ToString())));
        }

        table.WriteTo(writer, "  ");
    }
}
