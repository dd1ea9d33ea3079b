using Audiences.Sdk.Segments;
using Audiences.Sdk.Import;
using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Benchmarks;

/// <summary>An in-memory workspace of generated people and audiences over their fields, for the membership benchmarks.</summary>
public sealed class MembershipWorkspace : IDisposable
{
    private static readonly string[] Titles = ["CTO", "CEO", "VP Sales", "Engineer", "Analyst", "Intern", "Head of Marketing", "Designer"];
    private static readonly string[] Cities = ["Leeds", "York", "London", "Paris", "Berlin", "Madrid", "Lisbon", "Dublin", "Oslo", "Rome"];

    private readonly BenchStore _store = BenchStore.InMemory(b => b.Configure(o => o.ImportBatchSize = 50_000));

    public IProfileStore ProfileStore => _store.Profiles;

    public IProfileService Profiles => _store.Service;

    public IAudienceService Audiences => _store.Audiences;

    /// <summary>A person with values derived from its number; each <paramref name="variant"/> gives it another score.</summary>
    public static SourceRecord Person(int i, int variant = 0) => new(
        new SourceRecordKey("crm", "contacts", i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        EntityKind.Person,
        SourceKind.Crm,
        new Dictionary<string, FieldValue>
        {
            ["email"] = FieldValue.FromText($"p{i}@example.com"),
            ["title"] = FieldValue.FromText(Titles[i % Titles.Length]),
            ["city"] = FieldValue.FromText(Cities[i / 7 % Cities.Length]),
            ["score"] = FieldValue.FromNumber((i * 37 + Shift(variant)) % 100),
            ["employees"] = FieldValue.FromNumber(i % 5000),
        });

    // Every variant but 0 moves the score, and two consecutive variants never give the same score,
    // so each upsert of a new variant is a real change.
    private static int Shift(int variant) => variant == 0 ? 0 : 1 + (variant % 99);

    /// <summary>Three conditions on text, number and list membership, varied by <paramref name="n"/>.</summary>
    public static string Criteria(int n) =>
        $"title = \"{Titles[n % Titles.Length]}\" and score >= {n % 90} and city in [\"{Cities[n % Cities.Length]}\", \"{Cities[(n + 3) % Cities.Length]}\"]";

    public async Task ImportAsync(int people)
    {
        const int chunk = 50_000;
        for (var start = 0; start < people; start += chunk)
        {
            var records = Enumerable.Range(start + 1, Math.Min(chunk, people - start)).Select(i => Person(i)).ToArray();
            await Profiles.UpsertAsync(records, new ImportOptions(EntityKind.Person));
        }
    }

    public async Task<List<Audience>> CreateAudiencesAsync(int count)
    {
        var created = new List<Audience>();
        for (var n = 0; n < count; n++)
        {
            created.Add(await Audiences.CreateAsync(new AudienceDefinition($"Audience {n}", EntityKind.Person, "bench"), Criteria(n)));
        }

        return created;
    }

    public void Dispose() => _store.Dispose();
}
