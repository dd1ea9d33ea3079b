using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>How the filtered reads page, list ids, refuse filters they cannot push down, and see committed data only.</summary>
public abstract partial class ProfileQueryStoreSpecification
{
    /// <summary>A listing pages in id order with a cursor and a limit; companies are never listed as people.</summary>
    [Fact]
    public virtual async Task Listing_pages_in_id_order_with_a_cursor_and_a_limit()
    {
        var store = await SeedAsync();
        var filter = await BindAsync(store, "name is not empty");
        var first = await ListAsync(store, filter, null, 2);
        first.Select(Name).Should().Equal("élodie", "E\u0301LODIE");
        var second = await ListAsync(store, filter, first[^1].Id, 2);
        second.Select(Name).Should().Equal("x' OR 1=1 --", "ZOË");
        (await ListAsync(store, filter, second[^1].Id, 2)).Select(Name).Should().Equal("plain");
        (await ListAsync(store, filter, new ProfileId(long.MaxValue), null)).Should().BeEmpty();
        (await store.Queries.CountProfilesAsync(filter)).Should().Be(5);
        await FluentActions.Awaiting(async () => await ListAsync(store, filter, null, 0)).Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    /// <summary>Filters see committed data only: an open write session's changes are invisible until it commits.</summary>
    [Fact]
    public virtual async Task Filters_see_committed_values_only()
    {
        var store = await SeedAsync();
        var filter = await BindAsync(store, "title = \"CFO\"");
        var elodie = (await AllAsync(store))[0];
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var values = elodie.Values.ToDictionary(p => p.Key, p => p.Value);
            values["title"] = values["title"] with { Value = FieldValue.FromText("cfo") };
            await session.WriteProfileAsync(new ProfileWrite(
                elodie.Id, EntityKind.Person, IsNew: false, await store.Changes.GetLastVersionAsync() + 1, elodie.CreatedAt, values, [], [], []));
            (await store.Queries.CountProfilesAsync(filter)).Should().Be(0);
            await session.CommitAsync();
        }

        (await store.Queries.CountProfilesAsync(filter)).Should().Be(1);
        (await store.Queries.CountProfilesAsync(await BindAsync(store, "title = \"cto\""))).Should().Be(0);
        (await store.Queries.CountProfilesAsync(await BindAsync(Reopen(store), "title = \"CFO\""))).Should().Be(1);
    }

    /// <summary>
    /// A filter reading a linked entity or quantifying over related records (<see cref="FilterPushdown"/>) is refused by every
    /// read with a message naming the part, never answered wrongly, also when the part is nested.
    /// </summary>
    [Fact]
    public virtual async Task Linked_and_related_filters_are_refused_by_name()
    {
        var store = await SeedAsync();
        var fields = await store.Catalog.GetFieldsAsync(EntityKind.Person);
        var opportunities = new RelatedRecordType("opportunities", EntityKind.Person, [new FieldDefinition("amount", EntityKind.Person, FieldType.Number, "crm")]);
        var catalog = new FilterCatalog(
            fields.Append(new FieldDefinition("size", EntityKind.Company, FieldType.Number, "crm")), [opportunities]);

        var refusals = new Dictionary<string, string>
        {
            ["company.size > 5"] = "*'company.size'*linked company*",
            ["not (name is empty and company.size > 5)"] = "*'company.size'*linked company*",
            ["name is empty or opportunities.any(amount > 5)"] = "*'opportunities.any(...)'*related records*",
        };
        foreach (var (text, message) in refusals)
        {
            var filter = FilterParser.Parse(text, EntityKind.Person, catalog);
            FilterPushdown.CanPushDown(filter).Should().BeFalse();
            await FluentActions.Awaiting(async () => await store.Queries.CountProfilesAsync(filter))
                .Should().ThrowAsync<NotSupportedException>().WithMessage(message);
            await FluentActions.Awaiting(async () => await ListAsync(store, filter, null, null))
                .Should().ThrowAsync<NotSupportedException>().WithMessage(message);
            await FluentActions.Awaiting(async () => await store.Queries.ListProfileIdsAsync(filter).ToListAsync())
                .Should().ThrowAsync<NotSupportedException>().WithMessage(message);
        }
    }

    /// <summary>Reading page after page, each after the last id of the one before, gives the ids of one whole listing, for every page size.</summary>
    [Fact]
    public virtual async Task Pages_read_one_after_another_give_the_ids_of_one_listing()
    {
        var store = await SeedAsync();
        foreach (var text in new[] { "name is not empty", "title is not empty", "score > 0", "title = \"nobody\"" })
        {
            var filter = await BindAsync(store, text);
            var all = (await ListAsync(store, filter, null, null)).Select(p => p.Id).ToList();
            for (var limit = 1; limit <= 6; limit++)
            {
                var paged = new List<ProfileId>();
                ProfileId? after = null;
                while (await ListAsync(store, filter, after, limit) is { Count: > 0 } page)
                {
                    page.Count.Should().BeLessThanOrEqualTo(limit);
                    paged.AddRange(page.Select(p => p.Id));
                    after = page[^1].Id;
                }

                paged.Should().Equal(all, "pages of {0} of '{1}' make up its listing", limit, text);
            }
        }

        // A cursor need not be a member: a page starts at the first member after it.
        var titled = await BindAsync(store, "title is not empty");
        (await ListAsync(store, titled, new ProfileId(3), null)).Select(p => p.Id.Value).Should().Equal(4);
    }

    /// <summary>A page holds at least one profile: a limit below 1 is refused with <see cref="ArgumentOutOfRangeException"/>.</summary>
    [Fact]
    public virtual async Task A_limit_below_one_is_refused()
    {
        var store = await SeedAsync();
        var filter = await BindAsync(store, "name is not empty");
        foreach (var limit in new[] { 0, -1, int.MinValue })
        {
            await FluentActions.Awaiting(async () => await ListAsync(store, filter, null, limit)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        }
    }

    /// <summary>The id list of a filter is the ids of its listing: live profiles of the filter's kind only, in id order.</summary>
    [Fact]
    public virtual async Task Listing_ids_gives_the_ids_of_the_listing()
    {
        var store = await SeedAsync();
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await MergeAsync(store, session, new ProfileId(2), new ProfileId(4), session.LastVersion + 1);
            await session.CommitAsync();
        }

        var filter = await BindAsync(store, "name is not empty");
        var ids = await store.Queries.ListProfileIdsAsync(filter).ToListAsync();
        ids.Select(id => id.Value).Should().Equal(1, 2, 3, 5);
        (await ListAsync(store, filter, null, null)).Select(p => p.Id).Should().Equal(ids);
        (await store.Queries.CountProfilesAsync(filter)).Should().Be(ids.Count);
    }
}
