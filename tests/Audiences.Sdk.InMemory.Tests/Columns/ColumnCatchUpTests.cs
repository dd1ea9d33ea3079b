using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.InMemory.Tests.Columns;

/// <summary>
/// The columns are brought up to date by every commit: filters agree with the
/// reference evaluator whatever happened in between (new profiles, updates, merges, undos that bring
/// back an old id, many removals) and whether or not a filter ran between the batches.
/// </summary>
public sealed class ColumnCatchUpTests : StoreSpecification
{
    private static readonly string[] Filters =
    [
        "title contains \"vp\"",
        "title = \"cto\" or city in [\"Leeds\", \"Paris\"]",
        "score >= 50 and not (city is empty)",
        "city is empty",
        "title != \"CTO\"",
        "city = \"Paris\" and title contains \"vp\" and score >= 10",
        "score < 2000 and title != \"engineer\" and city is empty",
        "score >= 20 and (title = \"vp\" or city = \"Leeds\")",
    ];

    /// <inheritdoc />
    protected override void UseStore(IAudiencesBuilder builder) => builder.UseInMemory();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Filters_agree_with_the_evaluator_after_any_mix_of_commits(bool readBetweenBatches)
    {
        var store = NewStore(batchSize: 3);
        var service = store.Service;
        async Task StepAsync()
        {
            if (readBetweenBatches)
            {
                await AgreeAsync(store);
            }
        }

        await ImportPeopleAsync(service, Enumerable.Range(1, 10).Select(i => Numbered(i, "Engineer", "Leeds", i * 10)).ToArray());
        await StepAsync();

        // Updates of profiles already in the columns, and new ones after them.
        await ImportPeopleAsync(service,
            Numbered(2, "VP Sales", null, 5), Numbered(4, "cto", "Paris", 70), Numbered(11, "vp marketing", "Leeds", 99));
        await StepAsync();

        // A record carrying the email of one profile and the LinkedIn URL of another merges them.
        await ImportPeopleAsync(service, Person("crm", "m", ("email", "p3@example.com"), ("linkedin_url", "linkedin.com/in/p5")));
        (await AllAsync(store)).Select(p => p.Id.Value).Should().NotContain(5);
        await StepAsync();

        // Undo brings profile 5 back with its old id, after profiles with larger ids.
        await service.UndoMergeAsync(new ProfileId(5));
        (await AllAsync(store)).Select(p => p.Id.Value).Should().Contain(5);
        await StepAsync();

        await ImportPeopleAsync(service, Numbered(12, "CTO", "Paris", 50), Numbered(5, "VP Ops", "Paris", 51));
        await StepAsync();

        // A profile created and merged away between two reads never reaches the columns; undone
        // after a newer profile is in, it comes back with an id smaller than the last row's.
        await ImportPeopleAsync(service, Numbered(20, "VP Sales", "Leeds", 60), Numbered(21, "vp", "Paris", 61));
        var mergedAway = (await AllAsync(store)).Max(p => p.Id.Value);
        await ImportPeopleAsync(service, Person("crm", "m2", ("email", "p20@example.com"), ("linkedin_url", "linkedin.com/in/p21")));
        await StepAsync();
        await ImportPeopleAsync(service, Numbered(22, "CTO", "Leeds", 62));
        await StepAsync();
        await service.UndoMergeAsync(new ProfileId(mergedAway));
        (await AllAsync(store)).Select(p => p.Id.Value).Should().Contain(mergedAway);
        await AgreeAsync(store);
    }

    [Fact]
    public async Task Filters_agree_after_most_profiles_merge_away()
    {
        var store = NewStore(batchSize: 500);
        var service = store.Service;
        await ImportPeopleAsync(service, Enumerable.Range(1, 3000).Select(i => Numbered(i, i % 7 == 0 ? "VP" : "Engineer", i % 3 == 0 ? "Paris" : null, i)).ToArray());
        await AgreeAsync(store);

        // Each group of four profiles merges into its first (by email) through the other three's
        // LinkedIn URLs: three rows in four die, so the table drops its dead rows.
        await ImportPeopleAsync(service, Enumerable.Range(0, 750)
            .SelectMany(g => Enumerable.Range(2, 3).Select(k =>
                Person("web", $"j{g}-{k}", ("email", $"p{(4 * g) + 1}@example.com"), ("linkedin_url", $"linkedin.com/in/p{(4 * g) + k}"))))
            .ToArray());
        (await AllAsync(store)).Should().HaveCount(750);
        await AgreeAsync(store);

        await ImportPeopleAsync(service, Numbered(3001, "VP", "Paris", 1), Numbered(1, "CTO", "Leeds", 2));
        await AgreeAsync(store);
    }

    private static SourceRecord Numbered(int i, string title, string? city, double score) =>
        Person("crm", i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ("email", $"p{i}@example.com"), ("linkedin_url", $"linkedin.com/in/p{i}"), ("title", title), ("city", city), ("score", score));

    /// <summary>Every filter's count, listing and pages agree with <see cref="FilterEvaluator"/> over all profiles.</summary>
    private async Task AgreeAsync(StoreWorkspace store)
    {
        var evaluator = new FilterEvaluator(Clock);
        var profiles = await AllAsync(store);
        var catalog = new FilterCatalog(await store.Catalog.GetFieldsAsync(EntityKind.Person));
        foreach (var text in Filters)
        {
            var filter = FilterParser.Parse(text, EntityKind.Person, catalog);
            var expected = profiles.Where(p => evaluator.Matches(filter, FilterRecord.FromProfile(p))).Select(p => p.Id.Value).ToList();
            (await store.Queries.CountProfilesAsync(filter)).Should().Be(expected.Count, "the count of '{0}'", text);
            var listed = new List<long>();
            await foreach (var profile in store.Queries.ListProfilesAsync(filter))
            {
                listed.Add(profile.Id.Value);
            }

            listed.Should().Equal(expected, "the listing of '{0}'", text);

            var paged = new List<long>();
            ProfileId? after = null;
            while (true)
            {
                var page = new List<long>();
                await foreach (var profile in store.Queries.ListProfilesAsync(filter, after, 7))
                {
                    page.Add(profile.Id.Value);
                }

                paged.AddRange(page);
                if (page.Count < 7)
                {
                    break;
                }

                after = new ProfileId(page[^1]);
            }

            paged.Should().Equal(expected, "the pages of '{0}'", text);
        }
    }
}
