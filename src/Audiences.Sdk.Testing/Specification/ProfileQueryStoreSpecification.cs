using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The filter contract of <see cref="IProfileQueryStore"/>: <see cref="IProfileQueryStore.CountProfilesAsync(BoundFilter, CancellationToken)"/>,
/// <see cref="IProfileQueryStore.ListProfilesAsync(BoundFilter, ProfileId?, int?, CancellationToken)"/> and
/// <see cref="IProfileQueryStore.ListProfileIdsAsync"/>: every
/// store returns what <see cref="FilterEvaluator"/> says, operator by operator, including empty values,
/// Unicode case folding, numbers given as text, date boundaries and values that look like SQL.
/// </summary>
public abstract partial class ProfileQueryStoreSpecification : StoreSpecification
{
    /// <summary>The instant every relative date of the suite is measured from (the test clock's start).</summary>
    protected DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Text comparisons ignore case for all of Unicode, composed or decomposed, and keep whitespace.</summary>
    [Fact]
    public virtual async Task Text_equality_ignores_case_for_all_of_Unicode()
    {
        var store = await SeedAsync();
        (await MatchAsync(store, "name = \"ÉLODIE\"")).Should().Equal("élodie", "E\u0301LODIE");
        (await MatchAsync(store, "name = \"zoë\"")).Should().Equal("ZOË");
        (await MatchAsync(store, "title = \"cto\"")).Should().Equal("élodie");
        (await MatchAsync(store, "title in [\"cto \", \"vp sales\"]")).Should().Equal("E\u0301LODIE", "ZOË");
    }

    /// <summary>A negative operator is the complement of its positive form, so it is true on an empty value.</summary>
    [Fact]
    public virtual async Task Negative_operators_are_complements_and_true_on_empty_values()
    {
        var store = await SeedAsync();
        (await MatchAsync(store, "title != \"CTO\"")).Should().Equal("E\u0301LODIE", "x' OR 1=1 --", "ZOË", "plain");
        (await MatchAsync(store, "title is not empty and title != \"CTO\"")).Should().Equal("E\u0301LODIE", "ZOË");
        (await MatchAsync(store, "title is empty")).Should().Equal("x' OR 1=1 --", "plain");
        (await MatchAsync(store, "score not in [500, 12.5]")).Should().Equal("x' OR 1=1 --", "ZOË", "plain");
        (await MatchAsync(store, "title not contains \"o\"")).Should().Equal("x' OR 1=1 --", "ZOË", "plain");
        (await MatchAsync(store, "not (score > 0)")).Should().Equal("x' OR 1=1 --", "ZOË");
    }

    /// <summary>Numbers compare numerically, also when the filter writes them as text; between is inclusive.</summary>
    [Fact]
    public virtual async Task Numbers_compare_numerically()
    {
        var store = await SeedAsync();
        (await MatchAsync(store, "score = \"0500\"")).Should().Equal("élodie");
        (await MatchAsync(store, "score < 12.5")).Should().Equal("x' OR 1=1 --");
        (await MatchAsync(store, "score <= 12.5")).Should().Equal("E\u0301LODIE", "x' OR 1=1 --");
        (await MatchAsync(store, "score >= -3 and score < 500")).Should().Equal("E\u0301LODIE", "x' OR 1=1 --");
        (await MatchAsync(store, "score between 12.5 and 500")).Should().Equal("élodie", "E\u0301LODIE");
        (await MatchAsync(store, "score in [1E+300, -3]")).Should().Equal("x' OR 1=1 --", "plain");
    }

    /// <summary>A list matches a text operator when any item does; its negative form when no item does.</summary>
    [Fact]
    public virtual async Task Lists_match_when_any_item_matches()
    {
        var store = await SeedAsync();
        (await MatchAsync(store, "tags = \"BETA\"")).Should().Equal("élodie");
        (await MatchAsync(store, "tags starts with \"g\"")).Should().Equal("E\u0301LODIE");
        (await MatchAsync(store, "tags != \"beta\"")).Should().Equal("E\u0301LODIE", "x' OR 1=1 --", "ZOË", "plain");
        (await MatchAsync(store, "tags in [\"gamma\", \"alpha\"]")).Should().Equal("élodie", "E\u0301LODIE");
        (await MatchAsync(store, "tags contains \"lph\"")).Should().Equal("élodie");
    }

    /// <summary>contains, starts with and ends with compare folded text, with no wildcard characters.</summary>
    [Fact]
    public virtual async Task Contains_starts_with_and_ends_with_take_every_character_literally()
    {
        var store = await SeedAsync();
        (await MatchAsync(store, "note contains \"%\"")).Should().Equal("élodie");
        (await MatchAsync(store, "note contains \"_\"")).Should().Equal("E\u0301LODIE");
        (await MatchAsync(store, "note starts with \"A_\"")).Should().Equal("E\u0301LODIE");
        (await MatchAsync(store, "note ends with \"SURE\"")).Should().Equal("élodie");
        (await MatchAsync(store, "note contains \"\\\"double\\\"\"")).Should().Equal("ZOË");
        (await MatchAsync(store, "note contains \"'single'\"")).Should().Equal("ZOË");
        (await MatchAsync(store, "note ends with \"abc\"")).Should().BeEmpty();
    }

    /// <summary>Values written like SQL are plain values: they match only themselves and change nothing.</summary>
    [Fact]
    public virtual async Task Values_that_look_like_SQL_are_compared_as_plain_values()
    {
        var store = await SeedAsync();
        (await MatchAsync(store, "name = \"x' OR 1=1 --\"")).Should().Equal("x' OR 1=1 --");
        (await MatchAsync(store, "name = \"x\\\" OR 1=1 --\"")).Should().BeEmpty();
        (await MatchAsync(store, "name = \"'; DROP TABLE profiles; --\"")).Should().BeEmpty();
        (await MatchAsync(store, "name contains \"') OR ('1'='1\"")).Should().BeEmpty();
        (await MatchAsync(store, "note in [\"%\", \"_\", \"*\"]")).Should().BeEmpty();
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(5);
    }

    /// <summary>within last N reaches from now − N to now, both included; dates compare as UTC instants.</summary>
    [Fact]
    public virtual async Task Dates_compare_as_instants_and_within_last_includes_both_ends()
    {
        var store = await SeedAsync();
        (await MatchAsync(store, "seen within last 90d")).Should().Equal("élodie", "ZOË", "plain");
        (await MatchAsync(store, "seen not within last 90d")).Should().Equal("E\u0301LODIE", "x' OR 1=1 --");
        (await MatchAsync(store, "seen = 2026-01-01")).Should().Equal("ZOË");
        (await MatchAsync(store, "seen before 2026-01-01")).Should().Equal("élodie", "E\u0301LODIE");
        (await MatchAsync(store, "seen after 2026-01-01T00:00:00+01:00")).Should().Equal("x' OR 1=1 --", "ZOË", "plain");
        (await MatchAsync(store, "seen between 2026-01-01 and 2026-01-15T09:00:00Z")).Should().Equal("ZOË", "plain");

        Clock.Advance(TimeSpan.FromTicks(1));
        (await MatchAsync(store, "seen within last 90d")).Should().Equal("ZOË", "plain");
    }

    /// <summary>Booleans support = and != (true on empty) and the empty tests.</summary>
    [Fact]
    public virtual async Task Booleans_match_equal_and_not_equal()
    {
        var store = await SeedAsync();
        (await MatchAsync(store, "vip = true")).Should().Equal("élodie");
        (await MatchAsync(store, "vip != true")).Should().Equal("E\u0301LODIE", "x' OR 1=1 --", "ZOË", "plain");
        (await MatchAsync(store, "vip = false")).Should().Equal("E\u0301LODIE");
    }

    /// <summary>Groups nest to any depth; not complements a whole group.</summary>
    [Fact]
    public virtual async Task Groups_nest_and_not_complements_them()
    {
        var store = await SeedAsync();
        (await MatchAsync(store, "(score > 0 or vip = false) and not (tags is empty or tags = \"alpha\")"))
            .Should().Equal("E\u0301LODIE");
        (await MatchAsync(store, "not (not (title is empty) and (score is empty or seen within last 1y))"))
            .Should().Equal("x' OR 1=1 --", "plain");
        (await MatchAsync(store, "score is empty or (vip is not empty and not vip = true)")).Should().Equal("E\u0301LODIE", "ZOË");
    }

    /// <summary>The store the tests read: five people with awkward values (see the test names for what each exercises).</summary>
    protected async Task<StoreWorkspace> SeedAsync()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service,
            Person("crm", "1", ("email", "p1@example.com"), ("name", "élodie"), ("title", "CTO"), ("score", 500), ("vip", true),
                ("tags", new[] { "alpha", "Beta" }), ("seen", Now.AddDays(-90)), ("note", "100% sure")),
            Person("crm", "2", ("email", "p2@example.com"), ("name", "E\u0301LODIE"), ("title", "cto "), ("score", 12.5), ("vip", false),
                ("tags", new[] { "gamma" }), ("seen", Now.AddDays(-90).AddTicks(-1)), ("note", "a_b")),
            Person("crm", "3", ("email", "p3@example.com"), ("name", "x' OR 1=1 --"), ("score", -3),
                ("seen", Now.AddDays(1)), ("note", "ab")),
            Person("crm", "4", ("email", "p4@example.com"), ("name", "ZOË"), ("title", "VP Sales"),
                ("seen", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)), ("note", "quote \"double\" and 'single'")),
            Person("crm", "5", ("email", "p5@example.com"), ("name", "plain"), ("score", 1e300), ("seen", Now)));
        await ImportCompaniesAsync(service, Company("crm", "c1", ("domain", "acme.com"), ("name", "élodie")));
        return store;
    }

    /// <summary>Binds filter text against the store's catalog of people.</summary>
    protected static async Task<BoundFilter> BindAsync(StoreWorkspace store, string filter)
    {
        ArgumentNullException.ThrowIfNull(store);
        var catalog = new FilterCatalog(await store.Catalog.GetFieldsAsync(EntityKind.Person));
        return FilterParser.Parse(filter, EntityKind.Person, catalog);
    }

    /// <summary>
    /// The names of the people matching <paramref name="filter"/> in id order, after checking that the
    /// count agrees and that the reference evaluator selects the same people.
    /// </summary>
    protected async Task<IReadOnlyList<string>> MatchAsync(StoreWorkspace store, string filter)
    {
        var bound = await BindAsync(store, filter);
        var profiles = await ListAsync(store, bound, null, null);
        var listed = profiles.Select(Name).ToList();
        (await store.Queries.CountProfilesAsync(bound)).Should().Be(listed.Count, "the count of '{0}' agrees with its listing", filter);
        var ids = new List<ProfileId>();
        await foreach (var id in store.Queries.ListProfileIdsAsync(bound))
        {
            ids.Add(id);
        }

        ids.Should().Equal(profiles.Select(p => p.Id), "the ids of '{0}' are those of its listing, in id order", filter);

        var evaluator = new FilterEvaluator(Clock);
        var expected = (await AllAsync(store)).Where(p => evaluator.Matches(bound, FilterRecord.FromProfile(p))).Select(Name);
        listed.Should().Equal(expected, "the store agrees with FilterEvaluator on '{0}'", filter);
        return listed;
    }

    /// <summary>Reads one listing into a list.</summary>
    protected static async Task<List<Profile>> ListAsync(StoreWorkspace store, BoundFilter filter, ProfileId? afterId, int? limit)
    {
        ArgumentNullException.ThrowIfNull(store);
        var profiles = new List<Profile>();
        await foreach (var profile in store.Queries.ListProfilesAsync(filter, afterId, limit))
        {
            profiles.Add(profile);
        }

        return profiles;
    }

    private static string Name(Profile profile) => profile["name"].ToString();
}
