using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>The match review queue contract: reviews are stored whole, listed by status, decided once, and accepting one merges like any merge.</summary>
public abstract class ReviewSpecification : StoreSpecification
{
    /// <summary>A queued review reads back whole, by id and by status, and survives a restart.</summary>
    [Fact]
    public virtual async Task A_review_is_stored_whole_and_listed_by_status()
    {
        var store = NewStore();
        await ImportPeopleAsync(store.Service, Person("a", "1", ("first_name", "Ana")), Person("b", "1", ("first_name", "Anna")));
        var review = await QueueAsync(store, "a", "b", 0.72);
        var other = await QueueAsync(store, "b", "a", 0.55, EntityKind.Company);

        var reopened = Reopen(store);

        (await reopened.Reviews.GetReviewAsync(review.Id)).Should().BeEquivalentTo(review);
        (await reopened.Reviews.GetReviewAsync(review.Id + 1000)).Should().BeNull();
        (await reopened.Reviews.ListReviewsAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle().Which.Should().BeEquivalentTo(review);
        (await reopened.Reviews.ListReviewsAsync(EntityKind.Person, ReviewStatus.Pending).ToListAsync()).Should().ContainSingle();
        (await reopened.Reviews.ListReviewsAsync(EntityKind.Person, ReviewStatus.Rejected).ToListAsync()).Should().BeEmpty();
        (await reopened.Reviews.ListReviewsAsync(EntityKind.Company).ToListAsync()).Should().ContainSingle().Which.Id.Should().Be(other.Id);
        (await reopened.Changes.GetLastVersionAsync()).Should().BeGreaterThanOrEqualTo(other.Id);
    }

    /// <summary>Accepting a review merges the two profiles into the older, recorded with the pair's probability.</summary>
    [Fact]
    public virtual async Task Accepting_a_review_merges_the_profiles_and_records_the_probability()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("first_name", "Ana"), ("city", "Porto")), Person("b", "1", ("first_name", "Anna"), ("title", "CFO")));
        var review = await QueueAsync(store, "b", "a", 0.8);

        var decided = await service.AcceptReviewAsync(review.Id);

        decided.Status.Should().Be(ReviewStatus.Accepted);
        decided.DecidedAt.Should().Be(Clock.GetUtcNow());
        var profile = (await AllAsync(store)).Should().ContainSingle().Subject;
        profile.Id.Should().Be(new ProfileId(1));
        profile["title"].Should().Be(FieldValue.FromText("CFO"));
        profile["city"].Should().Be(FieldValue.FromText("Porto"));
        var merge = (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle().Subject;
        merge.MatchProbability.Should().Be(0.8);
        merge.MergedRecords.Should().Equal(new SourceRecordKey("b", "rows", "1"));
        merge.Reason.Should().Contain("probability 0.8");
        (await service.ListReviewsAsync(EntityKind.Person).ToListAsync()).Should().BeEmpty("the queue lists pending reviews by default");

        await service.UndoMergeAsync(new ProfileId(2));
        (await AllAsync(store)).Should().HaveCount(2, "a merge accepted from review undoes like any other");
    }

    /// <summary>Rejecting a review changes no profile and is recorded; a decided review cannot be decided again.</summary>
    [Fact]
    public virtual async Task Rejecting_a_review_is_recorded_and_decisions_are_final()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("first_name", "Ana")), Person("b", "1", ("first_name", "Anna")));
        var review = await QueueAsync(store, "a", "b", 0.6);

        var decided = await service.RejectReviewAsync(review.Id);

        decided.Status.Should().Be(ReviewStatus.Rejected);
        (await AllAsync(store)).Should().HaveCount(2);
        (await store.Reviews.ListReviewsAsync(EntityKind.Person, ReviewStatus.Rejected).ToListAsync()).Should().ContainSingle();
        await service.Invoking(s => s.AcceptReviewAsync(review.Id)).Should().ThrowAsync<InvalidOperationException>().WithMessage("*already rejected*");
        await service.Invoking(s => s.RejectReviewAsync(987_654)).Should().ThrowAsync<KeyNotFoundException>().WithMessage("*987654*");
    }

    /// <summary>A pair an undone merge keeps apart cannot be accepted.</summary>
    [Fact]
    public virtual async Task A_review_across_an_undone_merge_cannot_be_accepted()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "ed@example.com")));
        await ImportPeopleAsync(service, Person("b", "1", ("linkedin_url", "linkedin.com/in/ed")));
        await ImportPeopleAsync(service, Person("c", "1", ("email", "ed@example.com"), ("linkedin_url", "linkedin.com/in/ed")));
        await service.UndoMergeAsync(new ProfileId(2));
        var review = await QueueAsync(store, "a", "b", 0.9);

        await service.Invoking(s => s.AcceptReviewAsync(review.Id)).Should().ThrowAsync<InvalidOperationException>().WithMessage("*undo*");
        (await AllAsync(store)).Should().HaveCount(2);
    }

    /// <summary>Queues a review of two person records (<c>source/rows/1</c>) through a write session, as probabilistic matching does.</summary>
    protected async Task<MatchReview> QueueAsync(StoreWorkspace store, string left, string right, double probability, EntityKind kind = EntityKind.Person)
    {
        ArgumentNullException.ThrowIfNull(store);
        var session = await store.Profiles.BeginWriteAsync();
        await using (session)
        {
            var review = new MatchReview(
                session.LastVersion + 1,
                kind,
                new SourceRecordKey(left, "rows", "1"),
                new SourceRecordKey(right, "rows", "1"),
                probability,
                Math.Log2(probability / (1 - probability)),
                [new MatchEvidence("first_name", "jaro-winkler ≥ 0.88", 3.25, "ana", "anna"), new MatchEvidence("dob", "null", 0, null, "1990-01-01")],
                Clock.GetUtcNow());
            await store.Reviews.UpsertReviewAsync(session, review);
            await session.CommitAsync();
            return review;
        }
    }
}
