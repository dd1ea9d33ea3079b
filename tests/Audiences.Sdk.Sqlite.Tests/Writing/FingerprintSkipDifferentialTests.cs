using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Sqlite.Tests.Writing;

/// <summary>
/// An import that skips unchanged records by their fingerprint must give exactly what the full comparison gives:
/// the same results, warnings, change versions and profiles, over random imports and re-imports of overlapping
/// records (merges, moved records, changed values, companies, guard rails).
/// </summary>
public sealed class FingerprintSkipDifferentialTests
{
    private static readonly string?[] Emails = [null, "a@example.com", "b@example.com", "c@example.com"];
    private static readonly string?[] Titles = [null, "CTO", "VP Sales"];
    private static readonly string?[] Domains = [null, "acme.com", "globex.com"];

    private static readonly Gen<SourceRecord> Records = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Bool)
        .Select((id, email, title, domain, linkedin) => Person(id, Emails[email], Titles[title], Domains[domain], linkedin ? $"linkedin.com/in/p{id % 3}" : null));

    [Fact]
    public void Skipping_by_fingerprint_gives_what_the_full_comparison_gives()
    {
        var imports = Records.Array[1, 6].Array[2, 8];
        imports.Sample(batches => Check(batches).GetAwaiter().GetResult(), iter: 60, threads: 1);
    }

    private static async Task Check(SourceRecord[][] batches)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        Action<AudiencesOptions> options = o => o.GuardRails.MaxRecordsPerIdentifier = 3;
        await using var skipping = StoreWorkspace.Create(b => b.UseSqlite("Data Source=:memory:"), clock, options);
        await using var comparing = StoreWorkspace.Create(
            b => b.UseSqlite("Data Source=:memory:").DecorateStore<IProfileStore>((inner, _) => new WithoutFingerprints(inner)), clock, options);

        // Every batch is imported twice, so the second time most records come back unchanged.
        foreach (var batch in batches.SelectMany(b => new[] { b, b }))
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var expected = await comparing.Service.UpsertAsync(batch, new ImportOptions(EntityKind.Person));
            var actual = await skipping.Service.UpsertAsync(batch, new ImportOptions(EntityKind.Person));
            actual.Should().BeEquivalentTo(expected);
        }

        (await skipping.Changes.GetLastVersionAsync()).Should().Be(await comparing.Changes.GetLastVersionAsync());
        var left = await skipping.Profiles.ListProfilesAsync(EntityKind.Person).ToListAsync();
        var right = await comparing.Profiles.ListProfilesAsync(EntityKind.Person).ToListAsync();
        left.Should().BeEquivalentTo(right, o => o.WithStrictOrdering());
    }

    private static SourceRecord Person(int id, string? email, string? title, string? domain, string? linkedin)
    {
        var values = new Dictionary<string, FieldValue>();
        Add(values, "email", email);
        Add(values, "title", title);
        Add(values, "company_domain", domain);
        Add(values, "linkedin_url", linkedin);
        return new SourceRecord(new SourceRecordKey("crm", "Contact", $"c{id}"), EntityKind.Person, SourceKind.Crm, values);
    }

    private static void Add(Dictionary<string, FieldValue> values, string key, string? value)
    {
        if (value is not null)
        {
            values[key] = FieldValue.FromText(value);
        }
    }

    /// <summary>Hides the session's fingerprints, so every import compares in full.</summary>
    private sealed class WithoutFingerprints(IProfileStore inner) : DelegatingProfileStore(inner)
    {
        public override async ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) =>
            new Plain(await Inner.BeginWriteAsync(cancellationToken));

        private sealed class Plain(IProfileWriteSession inner) : DelegatingProfileWriteSession(inner);
    }
}
