using System.Globalization;
using System.Text;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Csv.Tests.Sync;

/// <summary>A sync of a file whose duplicates share no alias: probabilistic matching after the run joins them.</summary>
public sealed class CsvSyncFuzzyTests : IDisposable
{
    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Margaret", "Niklaus", "Radia", "Tony"];
    private static readonly string[] Surnames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Backus", "Hamilton", "Wirth", "Perlman", "Hoare", "Kahan", "Lamport"];
    private static readonly string[] FuzzyFields = ["first_name", "surname", "dob", "city"];
    private readonly TempCsv _files = new();
    private readonly StoreWorkspace _store = StoreWorkspace.Create(b => b.UseInMemory().AddCsvSource());

    private ISyncService Syncs => _store.Services.GetRequiredService<ISyncService>();

    public void Dispose()
    {
        _store.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task RunAsync_WithFuzzyFields_MergesTypoDuplicatesAfterTheRun_AndSmallBatchesChangeNothingElse()
    {
        var path = _files.Write(People(people: 120, duplicates: 60), "people.csv");
        await Syncs.SaveAsync(Definition(path) with { FuzzyFields = FuzzyFields, BatchSize = 50 });

        var run = await Syncs.RunAsync("people");

        run.Status.Should().Be(SyncRunStatus.Succeeded);
        run.Read.Should().Be(180);
        run.Merged.Should().BeGreaterThanOrEqualTo(45, "most of the 60 typo duplicates are found, though many people share a first name or a surname");
        (await _store.Service.CountAsync(EntityKind.Person)).Should().Be(180 - run.Merged);
        var profiles = await _store.Service.ListProfilesAsync(EntityKind.Person).ToListAsync();
        profiles.Should().OnlyContain(p => p.Sources.Select(r => r.Key.ExternalId.TrimEnd('d')).Distinct().Count() == 1, "no two people are merged");
    }

    [Fact]
    public async Task RunAsync_WithoutFuzzyFields_KeepsRecordsThatShareNoAliasApart()
    {
        var path = _files.Write(People(people: 120, duplicates: 60), "people.csv");
        await Syncs.SaveAsync(Definition(path));

        var run = await Syncs.RunAsync("people");

        run.Merged.Should().Be(0);
        run.QueuedForReview.Should().Be(0);
        (await _store.Service.CountAsync(EntityKind.Person)).Should().Be(180);
    }

    [Theory]
    [InlineData(0, null, "*batch size of 0*")]
    [InlineData(1_000_001, null, "*batch size of 1000001; give 1 to 1,000,000*")]
    [InlineData(null, "", "*matches probabilistically on ''*")]
    [InlineData(null, "First Name", "*matches probabilistically on 'First Name'*")]
    public async Task SaveAsync_ABadBatchSizeOrFuzzyField_IsRefused(int? batchSize, string? fuzzy, string message)
    {
        var path = _files.Write(People(people: 2, duplicates: 0), "people.csv");
        var definition = Definition(path) with { BatchSize = batchSize, FuzzyFields = fuzzy is null ? null : fuzzy.Length == 0 ? [] : [fuzzy] };

        var save = () => Syncs.SaveAsync(definition);

        await save.Should().ThrowAsync<ArgumentException>().WithMessage(message);
    }

    private static SyncDefinition Definition(string path) =>
        new("people", new SourceSettings(CsvSourceFactory.SourceType, new Dictionary<string, string> { ["path"] = path }), "people", "id");

    /// <summary>
    /// People with distinct names and birth dates, with ids 0, 1, ...; the first <paramref name="duplicates"/> appear again
    /// (id suffixed with <c>d</c>) with one swapped pair of letters and no city.
    /// </summary>
    private static string People(int people, int duplicates)
    {
        var random = new Random(11);
        var names = FirstNames.SelectMany(f => Surnames.Select(s => (First: f, Last: s))).OrderBy(_ => random.Next()).Take(people).ToArray();
        var rows = new List<string>();
        for (var i = 0; i < people; i++)
        {
            var dob = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 50)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            rows.Add($"{i},{names[i].First},{names[i].Last},{dob},City{random.Next(12)}");
            if (i < duplicates)
            {
                rows.Add(random.Next(2) == 0 ? $"{i}d,{Swap(names[i].First, random)},{names[i].Last},{dob}," : $"{i}d,{names[i].First},{Swap(names[i].Last, random)},{dob},");
            }
        }

        var text = new StringBuilder("id,first_name,surname,dob,city\n");
        foreach (var row in rows.OrderBy(_ => random.Next()))
        {
            text.Append(row).Append('\n');
        }

        return text.ToString();
    }

    private static string Swap(string value, Random random)
    {
        var at = random.Next(1, value.Length - 2);
        var chars = value.ToCharArray();
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }
}
