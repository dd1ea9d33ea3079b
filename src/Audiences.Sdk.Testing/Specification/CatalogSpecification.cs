using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>The field catalog contract: fields are data, typed on first sight, with fill rates.</summary>
public abstract class CatalogSpecification : StoreSpecification
{
    /// <summary>An import registers each new field with its type and origin, ordered by key, per kind.</summary>
    [Fact]
    public virtual async Task Imports_register_new_fields_with_type_and_origin()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("leads", "1", ("email", "ada@example.com"), ("age", 36), ("vip", true),
            ("born", new DateTimeOffset(1815, 12, 10, 0, 0, 0, TimeSpan.Zero)), ("tags", new[] { "a" })));
        await ImportCompaniesAsync(service, Company("accounts", "1", ("domain", "acme.com")));

        var fields = await store.Catalog.GetFieldsAsync(EntityKind.Person);
        fields.Select(f => (f.Key, f.Type)).Should().Equal(
            ("age", FieldType.Number), ("born", FieldType.DateTime), ("email", FieldType.Text), ("tags", FieldType.TextList), ("vip", FieldType.Boolean));
        fields.Should().OnlyContain(f => f.Origin == "leads" && f.Kind == EntityKind.Person && f.ExportStatus == FieldExportStatus.NotExported);
        (await store.Catalog.GetFieldsAsync(EntityKind.Company)).Should().ContainSingle().Which.Key.Should().Be("domain");
    }

    /// <summary>Fill rates count the profiles with a current value of each field.</summary>
    [Fact]
    public virtual async Task Field_statistics_count_filled_profiles()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service,
            Person("a", "1", ("email", "one@example.com"), ("title", "CTO")),
            Person("a", "2", ("email", "two@example.com"), ("title", null)),
            Person("a", "3", ("email", "three@example.com"), ("title", "  ")),
            Person("a", "4", ("email", "four@example.com"), ("title", "CEO")));

        var stats = (await service.GetFieldStatisticsAsync(EntityKind.Person)).ToDictionary(s => s.Field.Key);
        stats["email"].FilledCount.Should().Be(4);
        stats["title"].FilledCount.Should().Be(2);
        stats["title"].ProfileCount.Should().Be(4);
        stats["title"].FillRate.Should().Be(0.5);
    }

    /// <summary>A field keeps its first type; its description may change.</summary>
    [Fact]
    public virtual async Task A_field_keeps_its_type_when_upserted_again()
    {
        var store = NewStore();
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await store.Catalog.UpsertFieldAsync(session, new FieldDefinition("score", EntityKind.Person, FieldType.Number, "model"));
            await session.CommitAsync();
        }

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await store.Catalog.UpsertFieldAsync(session, new FieldDefinition("score", EntityKind.Person, FieldType.Text, "model") { Description = "Lead score" });
            await session.CommitAsync();
        }

        var field = (await store.Catalog.GetFieldsAsync(EntityKind.Person)).Single();
        field.Type.Should().Be(FieldType.Number);
        field.Description.Should().Be("Lead score");
    }
}
