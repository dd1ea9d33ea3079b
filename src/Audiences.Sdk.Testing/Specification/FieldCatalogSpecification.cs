using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IFieldCatalog"/> contract, stated on the catalog itself: fields upserted in a session are listed
/// whole per kind in ordinal key order, keep their first type, and carry fill counts over the live profiles; a
/// rolled-back session leaves nothing; upserts take the store's own session, also behind a decorator, and refuse another store's.
/// </summary>
public abstract class FieldCatalogSpecification : StoreSpecification
{
    /// <summary>Upserted fields are listed per kind, whole, ordered by key in ordinal order.</summary>
    [Fact]
    public virtual async Task Fields_are_listed_whole_per_kind_ordered_by_key()
    {
        var store = NewStore();
        var score = new FieldDefinition("score", EntityKind.Person, FieldType.Number, "model")
        {
            DisplayName = "Lead score",
            Description = "Likelihood to buy, 0–100.",
            CostPerRecord = 0.25m,
            ExportStatus = FieldExportStatus.Exported,
        };
        await UpsertAsync(store, Field("zeta"), score, Field("ab"), Field("domain", EntityKind.Company), Field("a_b"), Field("a2"), Field("alpha"));

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var fields = await workspace.Catalog.GetFieldsAsync(EntityKind.Person);
            fields.Select(f => f.Key).Should().Equal("a2", "a_b", "ab", "alpha", "score", "zeta");
            fields.Single(f => f.Key == "score").Should().Be(score);
            fields.Single(f => f.Key == "ab").Should().Be(Field("ab"));
            (await workspace.Catalog.GetFieldsAsync(EntityKind.Company)).Should().Equal(Field("domain", EntityKind.Company));
        }
    }

    /// <summary>A second upsert of a field replaces its definition but never its type, in a later session or the same one.</summary>
    [Fact]
    public virtual async Task A_second_upsert_replaces_the_definition_but_keeps_the_type()
    {
        var store = NewStore();
        await UpsertAsync(store, Field("score") with { Type = FieldType.Number }, Field("tags") with { Type = FieldType.TextList });
        var described = new FieldDefinition("score", EntityKind.Person, FieldType.Text, "enrichment")
        {
            DisplayName = "Score",
            Description = "Lead score",
            ExportStatus = FieldExportStatus.Exported,
        };
        await UpsertAsync(store, described, Field("title") with { Type = FieldType.Text }, Field("title") with { Type = FieldType.Boolean, Description = "Job title" });

        var fields = (await Reopen(store).Catalog.GetFieldsAsync(EntityKind.Person)).ToDictionary(f => f.Key);
        fields["score"].Should().Be(described with { Type = FieldType.Number });
        fields["tags"].Type.Should().Be(FieldType.TextList);
        fields["title"].Should().Be(Field("title") with { Type = FieldType.Text, Description = "Job title" });
    }

    /// <summary>
    /// Statistics give every catalog field of the kind with the number of live profiles that have a value for it, out of
    /// the live profiles of the kind: merged profiles and other kinds do not count.
    /// </summary>
    [Fact]
    public virtual async Task Statistics_count_the_live_profiles_with_a_value_per_field()
    {
        var store = NewStore();
        await UpsertAsync(store, Field("email"), Field("score") with { Type = FieldType.Number }, Field("title"), Field("unused"));
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var v = session.LastVersion;
            var ada = await CreateAsync(session, ++v, PersonRecord("ada@example.com", v, ("title", "CTO"), ("score", 5)));
            await CreateAsync(session, ++v, PersonRecord("bob@example.com", v, ("title", "CEO")));
            await CreateAsync(session, ++v, PersonRecord("cy@example.com", v, ("title", "  ")));
            var dan = await CreateAsync(session, ++v, PersonRecord("dan@example.com", v, ("title", "CFO"), ("score", 9)));
            await CreateAsync(session, ++v, CompanyRecord("acme.com", v, ("title", "Acme"), ("score", 1)));
            await MergeAsync(store, session, ada, dan, ++v);
            await session.CommitAsync();
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var stats = await workspace.Catalog.GetFieldStatisticsAsync(EntityKind.Person);
            stats.Select(s => (s.Field.Key, s.FilledCount, s.ProfileCount)).Should().Equal(
                ("email", 3L, 3L), ("score", 1L, 3L), ("title", 2L, 3L), ("unused", 0L, 3L));
            (await workspace.Catalog.GetFieldStatisticsAsync(EntityKind.Company)).Should().BeEmpty("no company field is in the catalog");
        }
    }

    /// <summary>Nothing upserted in a session disposed without commit is kept: neither a new field nor a new description.</summary>
    [Fact]
    public virtual async Task A_rolled_back_session_leaves_the_catalog_unchanged()
    {
        var store = NewStore();
        await UpsertAsync(store, Field("title"));
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await store.Catalog.UpsertFieldAsync(session, Field("title") with { Description = "Job title" });
            await store.Catalog.UpsertFieldAsync(session, Field("city"));
        }

        (await store.Catalog.GetFieldsAsync(EntityKind.Person)).Should().Equal(Field("title"));
        (await Reopen(store).Catalog.GetFieldsAsync(EntityKind.Person)).Should().Equal(Field("title"));
    }

    /// <summary>An upsert through a session wrapped in a <see cref="DelegatingProfileWriteSession"/> joins the session beneath it.</summary>
    [Fact]
    public virtual async Task An_upsert_through_a_decorated_session_joins_it()
    {
        var store = NewStore();
        await using (var session = new DecoratedSession(await store.Profiles.BeginWriteAsync()))
        {
            await store.Catalog.UpsertFieldAsync(session, Field("title"));
            await session.CommitAsync();
        }

        (await store.Catalog.GetFieldsAsync(EntityKind.Person)).Should().Equal(Field("title"));
    }

    /// <summary>A session begun by another store, decorated or not, is refused with <see cref="ArgumentException"/>, and no field is added.</summary>
    [Fact]
    public virtual async Task A_session_of_another_store_is_refused()
    {
        var store = NewStore();
        var other = NewStore();
        await using (var foreign = await other.Profiles.BeginWriteAsync())
        {
            foreach (var session in new IProfileWriteSession[] { foreign, new DecoratedSession(foreign) })
            {
                await FluentActions.Awaiting(async () => await store.Catalog.UpsertFieldAsync(session, Field("title"))).Should().ThrowAsync<ArgumentException>();
            }

            await foreign.CommitAsync();
        }

        (await store.Catalog.GetFieldsAsync(EntityKind.Person)).Should().BeEmpty();
        (await other.Catalog.GetFieldsAsync(EntityKind.Person)).Should().BeEmpty();
    }

    /// <summary>A session that has committed or been disposed takes no more fields: they throw <see cref="ObjectDisposedException"/>.</summary>
    [Fact]
    public virtual async Task Upserts_to_an_ended_session_are_refused()
    {
        var store = NewStore();
        await EndedSessions.ExpectRefusedAsync(store, async session => await store.Catalog.UpsertFieldAsync(session, Field("title")));

        (await store.Catalog.GetFieldsAsync(EntityKind.Person)).Should().BeEmpty();
    }

    /// <summary>A text field of a CRM source.</summary>
    private static FieldDefinition Field(string key, EntityKind kind = EntityKind.Person) => new(key, kind, FieldType.Text, "crm");

    /// <summary>Upserts fields in one committed session.</summary>
    private static async Task UpsertAsync(StoreWorkspace store, params FieldDefinition[] fields)
    {
        await using var session = await store.Profiles.BeginWriteAsync();
        foreach (var field in fields)
        {
            await store.Catalog.UpsertFieldAsync(session, field);
        }

        await session.CommitAsync();
    }
}
