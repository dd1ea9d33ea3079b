using System.Runtime.CompilerServices;
using Audiences.Sdk.Csv;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Search;

/// <summary>
/// A people and company search over bundled data (<c>SampleData/search_people.csv</c> and <c>search_companies.csv</c>),
/// deterministic so the demo and tests can rely on what it finds. People are searched by job title, seniority,
/// department and company (<c>company_size</c>, <c>company_industry</c>, <c>company_domain</c>); companies by industry,
/// size (<c>employees</c>) and technology (<c>technologies</c>). The filter is the SDK's filter text over those fields.
/// </summary>
internal sealed class SampleSearchProvider(string folder) : ISearchProvider
{
    public const string ProviderName = "sample";

    private readonly Lazy<Task<Dictionary<EntityKind, SearchTable>>> _tables = new(() => LoadAsync(folder));

    public string Name => ProviderName;

    public async IAsyncEnumerable<SourceRecord> SearchAsync(SearchQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = (await _tables.Value.WaitAsync(cancellationToken))[query.Kind];
        var filter = string.IsNullOrWhiteSpace(query.Where) ? null : FilterParser.Parse(query.Where, query.Kind, table.Catalog);
        var evaluator = new FilterEvaluator(TimeProvider.System);
        foreach (var record in table.Records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (filter is null || evaluator.Matches(filter, new FilterRecord(record.Values)))
            {
                yield return record;
            }
        }
    }

    private static async Task<Dictionary<EntityKind, SearchTable>> LoadAsync(string folder) => new()
    {
        [EntityKind.Person] = await SearchTable.LoadAsync(Path.Combine(folder, "search_people.csv"), EntityKind.Person, "person_id"),
        [EntityKind.Company] = await SearchTable.LoadAsync(Path.Combine(folder, "search_companies.csv"), EntityKind.Company, "company_id"),
    };

    /// <summary>One kind's records, and the catalog their filter binds to.</summary>
    private sealed record SearchTable(IReadOnlyList<SourceRecord> Records, FilterCatalog Catalog)
    {
        public static async Task<SearchTable> LoadAsync(string path, EntityKind kind, string idColumn)
        {
            var options = new CsvSourceOptions(path, kind)
            {
                SourceName = ProviderName,
                IdColumn = idColumn,
                SourceKind = SourceKind.Search,
                Mappings = kind == EntityKind.Company ? [CsvColumnMapping.Parse("technologies=technologies:list")] : [],
            };
            var records = new List<SourceRecord>();
            await foreach (var row in new CsvSource(options).ReadAsync())
            {
                records.Add(row.Record ?? throw new InvalidOperationException($"The bundled search data '{path}' has a bad row: {row.Error}"));
            }

            var fields = records.SelectMany(r => r.Values)
                .GroupBy(v => v.Key, StringComparer.Ordinal)
                .Select(g => new FieldDefinition(g.Key, kind, g.First().Value.Type, ProviderName))
                .ToList();
            return new SearchTable(records, new FilterCatalog(fields));
        }
    }
}
