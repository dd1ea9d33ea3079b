using Audiences.Sdk.Filtering;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Sqlite.Tests.Filtering;

/// <summary>
/// The in-memory store, the SQLite store and the reference <see cref="FilterEvaluator"/> must select
/// exactly the same profiles for random filters over random profiles, through inserts, updates and
/// merges, for counts and for listings.
/// </summary>
public sealed class StoreFilterDifferentialTests
{
    private const int FiltersPerDataSet = 40;

    [Fact]
    public void Both_stores_and_the_reference_evaluator_select_the_same_profiles()
    {
        var dataSet = Gen.Select(
            StoreFilterGenerators.Values.Array[1, 30],
            StoreFilterGenerators.Values.Array[0, 6],
            StoreFilterGenerators.Filter(3).Array[FiltersPerDataSet]);

        // Each case is one data set checked against 40 filters: 100 cases are 4,000 filters on each store.
        dataSet.Sample((people, updates, filters) => Check(people, updates, filters).GetAwaiter().GetResult(), iter: 100, threads: 1);
    }

    private static async Task Check(Dictionary<string, FieldValue>[] people, Dictionary<string, FieldValue>[] updates, Filter[] filters)
    {
        var clock = new FakeTimeProvider(StoreFilterGenerators.Now);
        await using var memory = StoreWorkspace.Create(b => b.UseInMemory(), clock);
        await using var sqlite = StoreWorkspace.Create(b => b.UseSqlite("Data Source=:memory:"), clock);
        foreach (var store in new[] { memory, sqlite })
        {
            await WriteAsync(store.Profiles, people, updates);
        }

        var profiles = new List<Profile>();
        await foreach (var profile in memory.Profiles.ListProfilesAsync(EntityKind.Person))
        {
            profiles.Add(profile);
        }

        var evaluator = new FilterEvaluator(clock);
        foreach (var filter in filters)
        {
            var bound = FilterBinder.Bind(filter, EntityKind.Person, StoreFilterGenerators.Catalog);
            var expected = profiles.Where(p => evaluator.Matches(bound, FilterRecord.FromProfile(p))).Select(p => p.Id.Value).ToList();
            var because = $"'{bound}' over {profiles.Count} people";
            (await IdsAsync(memory.Queries, bound)).Should().Equal(expected, "the in-memory store agrees with FilterEvaluator on {0}", because);
            (await IdsAsync(sqlite.Queries, bound)).Should().Equal(expected, "the SQLite store agrees with FilterEvaluator on {0}", because);
            (await memory.Queries.ListProfileIdsAsync(bound).Select(id => id.Value).ToListAsync()).Should().Equal(expected, because);
            (await sqlite.Queries.ListProfileIdsAsync(bound).Select(id => id.Value).ToListAsync()).Should().Equal(expected, because);
            (await memory.Queries.CountProfilesAsync(bound)).Should().Be(expected.Count, because);
            (await sqlite.Queries.CountProfilesAsync(bound)).Should().Be(expected.Count, because);
        }
    }

    /// <summary>Writes the people (and a company with the first person's values, which no person filter may select),
    /// then rewrites the first people with the update values and merges the last person into the first.</summary>
    private static async Task WriteAsync(IProfileStore store, Dictionary<string, FieldValue>[] people, Dictionary<string, FieldValue>[] updates)
    {
        var ids = new List<ProfileId>();
        var version = 0L;
        await using (var session = await store.BeginWriteAsync())
        {
            foreach (var (values, i) in people.Select((v, i) => (v, i)))
            {
                var id = await session.AllocateProfileIdAsync();
                ids.Add(id);
                await session.WriteProfileAsync(Write(id, EntityKind.Person, true, ++version, values));
                if (i == 0)
                {
                    await session.WriteProfileAsync(Write(await session.AllocateProfileIdAsync(), EntityKind.Company, true, ++version, values));
                }
            }

            await session.CommitAsync();
        }

        await using (var session = await store.BeginWriteAsync())
        {
            for (var i = 0; i < updates.Length && i < ids.Count; i++)
            {
                await session.WriteProfileAsync(Write(ids[i], EntityKind.Person, false, ++version, updates[i]));
            }

            if (ids.Count > 2)
            {
                await session.RetireProfileAsync(ids[^1], ids[0]);
            }

            await session.CommitAsync();
        }
    }

    private static ProfileWrite Write(ProfileId id, EntityKind kind, bool isNew, long version, Dictionary<string, FieldValue> values)
    {
        var source = new SourceRecordKey("gen", "rows", id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var current = values.Where(v => !v.Value.IsEmpty).ToDictionary(
            v => v.Key, v => new ProfileValue(v.Value, source, SourceKind.Csv, StoreFilterGenerators.Now));
        return new ProfileWrite(id, kind, isNew, version, StoreFilterGenerators.Now, current, [], [], []);
    }

    private static async Task<List<long>> IdsAsync(IProfileQueryStore store, BoundFilter filter)
    {
        // Listed in pages of 7, so the cursor is exercised on every filter.
        var ids = new List<long>();
        ProfileId? after = null;
        while (true)
        {
            var page = new List<long>();
            await foreach (var profile in store.ListProfilesAsync(filter, after, 7))
            {
                page.Add(profile.Id.Value);
            }

            ids.AddRange(page);
            if (page.Count < 7)
            {
                return ids;
            }

            after = new ProfileId(page[^1]);
        }
    }
}
