using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IReviewQueue"/> contract, stated on the queue itself: reviews are upserted by id in a session and
/// read back whole, by id and by kind in id order, optionally by status; a rolled-back session leaves nothing;
/// upserts take the store's own session, also behind a decorator, and refuse another store's.
/// </summary>
public abstract class ReviewQueueSpecification : StoreSpecification
{
    /// <summary>An upserted review reads back whole by id, its evidence included (empty sides too); an unknown id gives null.</summary>
    [Fact]
    public virtual async Task An_upserted_review_reads_back_whole()
    {
        var store = NewStore();
        var review = Review(1) with
        {
            Evidence =
            [
                new MatchEvidence("first_name", "jaro-winkler ≥ 0.88", 3.25, "Zoë", "zoe"),
                new MatchEvidence("dob", "null", 0, null, "1990-01-01"),
                new MatchEvidence("city", "different", -4.5, "Leeds", null),
            ],
        };
        await UpsertAsync(store, review);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.Reviews.GetReviewAsync(1)).Should().BeEquivalentTo(review, o => o.WithStrictOrdering());
            (await workspace.Reviews.GetReviewAsync(2)).Should().BeNull();
        }
    }

    /// <summary>A second upsert with the same id replaces the review: a decision sets its status and decision time.</summary>
    [Fact]
    public virtual async Task A_second_upsert_with_the_same_id_replaces_the_review()
    {
        var store = NewStore();
        await UpsertAsync(store, Review(1), Review(2));
        var decided = Review(1) with { Status = ReviewStatus.Accepted, DecidedAt = Clock.GetUtcNow().AddHours(1) };
        await UpsertAsync(store, decided);

        var reopened = Reopen(store);
        (await reopened.Reviews.GetReviewAsync(1)).Should().BeEquivalentTo(decided);
        (await reopened.Reviews.ListReviewsAsync(EntityKind.Person).ToListAsync()).Select(r => (r.Id, r.Status))
            .Should().Equal((1, ReviewStatus.Accepted), (2, ReviewStatus.Pending));
    }

    /// <summary>Reviews are listed per kind in id order, whatever the order of the upserts, all of them or those of one status.</summary>
    [Fact]
    public virtual async Task Reviews_are_listed_per_kind_in_id_order_by_status_or_all()
    {
        var store = NewStore();
        await UpsertAsync(store, Review(30), Review(10) with { Status = ReviewStatus.Rejected, DecidedAt = Clock.GetUtcNow() }, Review(25, EntityKind.Company));
        await UpsertAsync(store, Review(20));

        var reviews = Reopen(store).Reviews;
        (await reviews.ListReviewsAsync(EntityKind.Person).ToListAsync()).Select(r => r.Id).Should().Equal(10, 20, 30);
        (await reviews.ListReviewsAsync(EntityKind.Person, ReviewStatus.Pending).ToListAsync()).Select(r => r.Id).Should().Equal(20, 30);
        (await reviews.ListReviewsAsync(EntityKind.Person, ReviewStatus.Rejected).ToListAsync()).Select(r => r.Id).Should().Equal(10);
        (await reviews.ListReviewsAsync(EntityKind.Person, ReviewStatus.Accepted).ToListAsync()).Should().BeEmpty();
        (await reviews.ListReviewsAsync(EntityKind.Company).ToListAsync()).Select(r => r.Id).Should().Equal(25);
    }

    /// <summary>Nothing upserted in a session disposed without commit is kept: neither a new review nor a decision.</summary>
    [Fact]
    public virtual async Task A_rolled_back_session_leaves_the_queue_unchanged()
    {
        var store = NewStore();
        await UpsertAsync(store, Review(1));
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await store.Reviews.UpsertReviewAsync(session, Review(1) with { Status = ReviewStatus.Rejected, DecidedAt = Clock.GetUtcNow() });
            await store.Reviews.UpsertReviewAsync(session, Review(2));
        }

        (await store.Reviews.GetReviewAsync(1))!.Status.Should().Be(ReviewStatus.Pending);
        (await store.Reviews.GetReviewAsync(2)).Should().BeNull();
        (await Reopen(store).Reviews.ListReviewsAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle();
    }

    /// <summary>An upsert through a session wrapped in a <see cref="DelegatingProfileWriteSession"/> joins the session beneath it.</summary>
    [Fact]
    public virtual async Task An_upsert_through_a_decorated_session_joins_it()
    {
        var store = NewStore();
        await using (var session = new DecoratedSession(await store.Profiles.BeginWriteAsync()))
        {
            await store.Reviews.UpsertReviewAsync(session, Review(1));
            await session.CommitAsync();
        }

        (await store.Reviews.GetReviewAsync(1)).Should().NotBeNull();
    }

    /// <summary>A session begun by another store, decorated or not, is refused with <see cref="ArgumentException"/>, and nothing is queued.</summary>
    [Fact]
    public virtual async Task A_session_of_another_store_is_refused()
    {
        var store = NewStore();
        var other = NewStore();
        await using (var foreign = await other.Profiles.BeginWriteAsync())
        {
            foreach (var session in new IProfileWriteSession[] { foreign, new DecoratedSession(foreign) })
            {
                await FluentActions.Awaiting(async () => await store.Reviews.UpsertReviewAsync(session, Review(1))).Should().ThrowAsync<ArgumentException>();
            }

            await foreign.CommitAsync();
        }

        (await store.Reviews.GetReviewAsync(1)).Should().BeNull();
        (await other.Reviews.GetReviewAsync(1)).Should().BeNull();
    }

    /// <summary>A session that has committed or been disposed takes no more reviews: they throw <see cref="ObjectDisposedException"/>.</summary>
    [Fact]
    public virtual async Task Upserts_to_an_ended_session_are_refused()
    {
        var store = NewStore();
        await EndedSessions.ExpectRefusedAsync(store, async session => await store.Reviews.UpsertReviewAsync(session, Review(1)));

        (await store.Reviews.GetReviewAsync(1)).Should().BeNull();
    }

    /// <summary>A pending review of two person records (queued at version <paramref name="id"/>, as probabilistic matching does).</summary>
    private MatchReview Review(long id, EntityKind kind = EntityKind.Person) =>
        new(id, kind, new SourceRecordKey("crm", "rows", $"{id}-left"), new SourceRecordKey("web", "visits", $"{id}-right"), 0.72, 1.36,
            [new MatchEvidence("first_name", "exact", 3.25, "ana", "ana")], Clock.GetUtcNow());

    /// <summary>Upserts reviews in one committed session.</summary>
    private static async Task UpsertAsync(StoreWorkspace store, params MatchReview[] reviews)
    {
        await using var session = await store.Profiles.BeginWriteAsync();
        foreach (var review in reviews)
        {
            await store.Reviews.UpsertReviewAsync(session, review);
        }

        await session.CommitAsync();
    }
}
