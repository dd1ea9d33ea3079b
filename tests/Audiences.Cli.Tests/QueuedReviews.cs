using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Cli.Tests;

/// <summary>
/// Queues match reviews in a workspace's database through the SDK's store, as probabilistic
/// matching would (the command line cannot queue them itself).
/// </summary>
public static class QueuedReviews
{
    public static readonly DateTimeOffset FoundAt = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Two records whose names are close and whose birth date only one has.</summary>
    public static readonly IReadOnlyList<MatchEvidence> NameEvidence =
    [
        new("name", "jaro-winkler ≥ 0.88", 3.25, "Ada Lovelace", "Ada L."),
        new("dob", "null", 0, null, "1990-01-01"),
        new("email", "exact", 8.5, "ada@example.com", "ada@example.com"),
    ];

    /// <summary>Queues a pending review of two <c>people</c> records and returns its id.</summary>
    public static async Task<long> QueueAsync(
        string databasePath, string left, string right, double probability, EntityKind kind = EntityKind.Person, IReadOnlyList<MatchEvidence>? evidence = null)
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseSqlite(new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString()));
        await using var provider = services.BuildServiceProvider();
        var session = await provider.GetRequiredService<IProfileStore>().BeginWriteAsync();
        await using (session)
        {
            var review = new MatchReview(
                session.LastVersion + 1,
                kind,
                Key(left),
                Key(right),
                probability,
                Math.Log2(probability / (1 - probability)),
                evidence ?? NameEvidence,
                FoundAt);
            await provider.GetRequiredService<IReviewQueue>().UpsertReviewAsync(session, review);
            await session.CommitAsync();
            return review.Id;
        }
    }

    /// <summary><c>crm/people/1</c> from <c>"crm/1"</c>.</summary>
    private static SourceRecordKey Key(string sourceAndId)
    {
        var parts = sourceAndId.Split('/');
        return new SourceRecordKey(parts[0], "people", parts[1]);
    }
}
