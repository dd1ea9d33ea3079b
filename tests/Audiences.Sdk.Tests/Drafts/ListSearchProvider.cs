using System.Runtime.CompilerServices;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Drafts;

/// <summary>A search provider over a fixed list of people; its filter is a title that must be contained.</summary>
internal sealed class ListSearchProvider : ISearchProvider
{
    public string Name => "list";

    public List<(string Email, string Title)> People { get; } =
    [
        ("ada@example.com", "VP Engineering"),
        ("bob@example.com", "Engineer"),
        ("cy@example.com", "VP Sales"),
    ];

    public async IAsyncEnumerable<SourceRecord> SearchAsync(SearchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var i = 0;
        foreach (var (email, title) in People)
        {
            i++;
            if (query.Where is null || title.Contains(query.Where, StringComparison.OrdinalIgnoreCase))
            {
                yield return new SourceRecord(new SourceRecordKey("list", "people", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), EntityKind.Person, SourceKind.Search,
                    new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText(email), ["title"] = FieldValue.FromText(title) });
            }
        }
    }
}
