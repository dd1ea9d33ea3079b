using Audiences.Sdk.Import;
using Audiences.Sdk.Matching.Probabilistic;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The probabilistic matching contract, end to end through a store: duplicates that share no alias
/// merge, the band below the match threshold is queued for review once, and probabilistic merges
/// explain, undo and stay undone like alias merges.
/// </summary>
public abstract class ProbabilisticSpecification : StoreSpecification
{
    private static readonly string[] FirstNames =
        ["Olivia", "Liam", "Amelia", "Noah", "Isla", "Oliver", "Ava", "George", "Mia", "Harry", "Freya", "Leo", "Grace", "Oscar", "Ivy", "Arthur", "Ella", "Jack", "Lily", "Henry"];

    private static readonly string[] Surnames =
        ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke"];

    private static readonly string[] Cities = ["London", "Leeds", "Bristol", "York", "Bath", "Derby", "Hull", "Truro"];

    /// <summary>The fields the people are compared on.</summary>
    protected static IReadOnlyList<string> FuzzyFields { get; } = ["first_name", "surname", "dob", "city"];

    /// <summary>Records that share no alias but are the same person with a typo merge; distinct people stay apart.</summary>
    [Fact]
    public virtual async Task Typo_duplicates_without_a_shared_alias_merge_and_distinct_people_do_not()
    {
        var store = NewStore(batchSize: 64);
        var service = store.Service;
        var (records, truth) = People(seed: 7, people: 160, duplicates: 80);

        var result = await service.UpsertAsync(records, FuzzyImport());

        result.ProbabilisticMerged.Should().BeGreaterThan(0);
        result.Merged.Should().Be(result.ProbabilisticMerged, "no two records share an alias");
        var profiles = await AllAsync(store);
        var falseMerges = profiles.Count(p => p.Sources.Select(s => truth[s.Key]).Distinct().Count() > 1);
        falseMerges.Should().Be(0);
        var joined = profiles.Count(p => p.Sources.Count == 2);
        joined.Should().BeGreaterThanOrEqualTo(72, "at least 90% of the 80 typo duplicates are found");
        var merge = (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).First();
        merge.MatchProbability.Should().BeGreaterThanOrEqualTo(0.95);
        merge.Alias.Should().BeNull();
        merge.Reason.Should().Contain("probability");
    }

    /// <summary>Pairs below the match threshold are queued with their per-field evidence, once; a rejected pair is not proposed again.</summary>
    [Fact]
    public virtual async Task Uncertain_pairs_are_queued_once_with_evidence_and_rejections_stick()
    {
        var store = NewStore(batchSize: 64);
        var service = store.Service;
        var (records, _) = People(seed: 11, people: 160, duplicates: 80);
        var unsure = FuzzyImport(o => o.MatchThreshold = 0.999_999_999_999);

        var first = await service.UpsertAsync(records, unsure);

        first.ProbabilisticMerged.Should().Be(0);
        first.QueuedForReview.Should().BeGreaterThan(0);
        var reviews = await service.ListReviewsAsync(EntityKind.Person).ToListAsync();
        reviews.Should().HaveCount((int)first.QueuedForReview);
        reviews.Should().OnlyContain(r => r.Status == ReviewStatus.Pending && r.MatchProbability >= 0.5 && r.Evidence.Count == FuzzyFields.Count);
        reviews.SelectMany(r => r.Evidence).Select(e => e.Field).Distinct().Should().BeEquivalentTo(FuzzyFields);

        var rejected = await service.RejectReviewAsync(reviews[0].Id);
        var touched = records.First(r => r.Key == rejected.Left);
        var again = await service.UpsertAsync(
            [touched with { Values = new Dictionary<string, FieldValue>(touched.Values) { ["title"] = FieldValue.FromText("Changed") } }], unsure);

        again.QueuedForReview.Should().Be(0, "the pair was rejected and its other pairs are queued already");
        (await service.ListReviewsAsync(EntityKind.Person, null).ToListAsync()).Should().HaveCount(reviews.Count);
    }

    /// <summary>A probabilistic merge undoes, and stays undone when the records come again.</summary>
    [Fact]
    public virtual async Task A_probabilistic_merge_undoes_and_stays_undone()
    {
        var store = NewStore(batchSize: 64);
        var service = store.Service;
        var (records, _) = People(seed: 3, people: 160, duplicates: 80);
        await service.UpsertAsync(records, FuzzyImport());
        var merge = (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).First();
        var count = await store.Profiles.CountProfilesAsync(EntityKind.Person);

        await service.UndoMergeAsync(merge.MergedId);
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(count + 1);

        var moved = records.Where(r => merge.MergedRecords.Contains(r.Key))
            .Select(r => r with { Values = new Dictionary<string, FieldValue>(r.Values) { ["title"] = FieldValue.FromText("Again") } })
            .ToArray();
        var again = await service.UpsertAsync(moved, FuzzyImport());

        again.ProbabilisticMerged.Should().Be(0);
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(count + 1);
        (await store.Profiles.ResolveAsync(merge.MergedId)).Should().Be(merge.MergedId);
    }

    /// <summary>Invalid probabilistic options are refused before anything is stored.</summary>
    [Fact]
    public virtual async Task Invalid_probabilistic_options_are_refused_before_anything_is_stored()
    {
        var store = NewStore();
        var service = store.Service;
        var bad = FuzzyImport(o => o.ReviewThreshold = 0.99);

        await service.Invoking(s => s.UpsertAsync([Person("a", "1", ("first_name", "Ann"))], bad))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*ImportOptions.Fuzzy*ReviewThreshold*");
        (await store.Changes.GetLastVersionAsync()).Should().Be(0);
    }

    /// <summary>A person import matching on email and LinkedIn URL, with probabilistic matching over <see cref="FuzzyFields"/>.</summary>
    protected static ImportOptions FuzzyImport(Action<ProbabilisticMatchingOptions>? configure = null)
    {
        var fuzzy = ProbabilisticMatchingOptions.ForFields(FuzzyFields);
        configure?.Invoke(fuzzy);
        return new ImportOptions(EntityKind.Person) { Fuzzy = fuzzy };
    }

    /// <summary>
    /// Generated people, each with a distinct name pair and birth date; the first
    /// <paramref name="duplicates"/> also appear in a second source with one typo and no city.
    /// </summary>
    protected static (SourceRecord[] Records, Dictionary<SourceRecordKey, int> Truth) People(int seed, int people, int duplicates)
    {
        var random = new Random(seed);
        var names = FirstNames.SelectMany(f => Surnames.Select(s => (First: f, Last: s))).OrderBy(_ => random.Next()).Take(people).ToArray();
        var records = new List<SourceRecord>();
        var truth = new Dictionary<SourceRecordKey, int>();
        var born = new DateTimeOffset(1950, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < people; i++)
        {
            var dob = born.AddDays(random.Next(0, 365 * 50));
            var city = Cities[random.Next(Cities.Length)];
            var original = Person("crm", $"{i}", ("first_name", names[i].First), ("surname", names[i].Last), ("dob", dob), ("city", city));
            records.Add(original);
            truth[original.Key] = i;
            if (i < duplicates)
            {
                var (first, last) = random.Next(3) switch
                {
                    0 => (Typo(names[i].First, random), names[i].Last),
                    1 => (names[i].First, Typo(names[i].Last, random)),
                    _ => (names[i].First, names[i].Last),
                };
                var copyDob = random.Next(3) == 2 ? dob.AddYears(1) : dob;
                var copy = Person("web", $"{i}", ("first_name", first), ("surname", last), ("dob", copyDob));
                records.Add(copy);
                truth[copy.Key] = i;
            }
        }

        return ([.. records.OrderBy(_ => random.Next())], truth);
    }

    private static string Typo(string value, Random random)
    {
        var at = random.Next(1, value.Length - 1);
        var chars = value.ToCharArray();
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }
}
