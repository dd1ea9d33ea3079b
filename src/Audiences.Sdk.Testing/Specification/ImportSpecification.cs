using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>The import contract: creating, updating and deduplicating profiles from source records.</summary>
public abstract partial class ImportSpecification : StoreSpecification
{
    /// <summary>A new record creates a profile holding its values, aliases and provenance.</summary>
    [Fact]
    public virtual async Task A_new_record_creates_a_profile()
    {
        var store = NewStore();
        var result = await ImportPeopleAsync(store.Service, Person("crm", "1", ("email", " Ada@Example.COM "), ("title", "CTO"), ("age", 36)));

        result.Created.Should().Be(1);
        var profile = (await AllAsync(store)).Should().ContainSingle().Subject;
        profile["title"].Should().Be(FieldValue.FromText("CTO"));
        profile["age"].Should().Be(FieldValue.FromNumber(36));
        profile.Aliases.Should().Contain(new AliasKey("email", "ada@example.com"));
        profile.Sources.Should().ContainSingle().Which.Key.Should().Be(new SourceRecordKey("crm", "rows", "1"));
        profile.Values["title"].Source.Should().Be(new SourceRecordKey("crm", "rows", "1"));
        profile.CreatedAt.Should().Be(Clock.GetUtcNow());
    }

    /// <summary>Re-importing a record with the same source key updates the profile and never duplicates it.</summary>
    [Fact]
    public virtual async Task Reimporting_the_same_source_key_updates_the_profile()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com"), ("title", "CTO")));
        var result = await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com"), ("title", "CEO")));

        result.Should().BeEquivalentTo(new { Created = 0L, Updated = 1L, Merged = 0L });
        var profile = (await AllAsync(store)).Should().ContainSingle().Subject;
        profile["title"].Should().Be(FieldValue.FromText("CEO"));
        profile.Sources.Should().ContainSingle();
    }

    /// <summary>Re-importing identical data changes nothing: no new profile, no new version.</summary>
    [Fact]
    public virtual async Task Reimporting_identical_data_changes_nothing()
    {
        var store = NewStore();
        var service = store.Service;
        SourceRecord[] records = [Person("crm", "1", ("email", "ada@example.com")), Person("crm", "2", ("email", "bob@example.com"))];
        await ImportPeopleAsync(service, records);
        var before = await AllAsync(store);
        var version = await store.Changes.GetLastVersionAsync();

        Clock.Advance(TimeSpan.FromDays(1));
        var result = await ImportPeopleAsync(service, records);

        result.Should().BeEquivalentTo(new { Created = 0L, Updated = 0L, Unchanged = 2L, Merged = 0L });
        (await store.Changes.GetLastVersionAsync()).Should().Be(version);
        (await AllAsync(store)).Select(p => (p.Id, p.Version)).Should().Equal(before.Select(p => (p.Id, p.Version)));
    }

    /// <summary>Emails that differ in case and spacing identify one person.</summary>
    [Fact]
    public virtual async Task Email_variants_match_one_profile()
    {
        var store = NewStore();
        await ImportPeopleAsync(store.Service,
            Person("a", "1", ("email", "Ada.Lovelace@Example.com")),
            Person("b", "1", ("email", "  ada.lovelace@example.COM ")),
            Person("c", "1", ("email", "ADA.LOVELACE@EXAMPLE.COM")));

        var profile = (await AllAsync(store)).Should().ContainSingle().Subject;
        profile.Sources.Should().HaveCount(3);
    }

    /// <summary>LinkedIn URLs that differ in scheme, www., country sub-domain, query and trailing slash identify one person.</summary>
    [Fact]
    public virtual async Task LinkedIn_url_variants_match_one_profile()
    {
        var store = NewStore();
        await ImportPeopleAsync(store.Service,
            Person("a", "1", ("linkedin_url", "https://www.linkedin.com/in/ada-lovelace/")),
            Person("b", "1", ("linkedin_url", "http://linkedin.com/in/Ada-Lovelace")),
            Person("c", "1", ("linkedin_url", "uk.linkedin.com/in/ada-lovelace?trk=people")));

        (await AllAsync(store)).Should().ContainSingle().Which.Aliases
            .Should().Contain(new AliasKey("linkedin_url", "linkedin.com/in/ada-lovelace"));
    }

    /// <summary>Companies match on their normalized domain.</summary>
    [Fact]
    public virtual async Task Company_domain_variants_match_one_profile()
    {
        var store = NewStore();
        await ImportCompaniesAsync(store.Service,
            Company("a", "1", ("domain", "https://www.Acme.com/about"), ("name", "Acme")),
            Company("b", "1", ("domain", "acme.com."), ("employee_count", 120)));

        var company = (await AllAsync(store, EntityKind.Company)).Should().ContainSingle().Subject;
        company["name"].Should().Be(FieldValue.FromText("Acme"));
        company["employee_count"].Should().Be(FieldValue.FromNumber(120));
    }

    /// <summary>A profile is found by a raw alias value, normalized the same way as on import.</summary>
    [Fact]
    public virtual async Task A_profile_is_found_by_a_raw_alias()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com")));

        var found = await service.FindProfileAsync(EntityKind.Person, AliasFields.Email, " ADA@example.com");
        var missing = await service.FindProfileAsync(EntityKind.Person, AliasFields.Email, "nobody@example.com");

        found.Should().NotBeNull();
        missing.Should().BeNull();
        (await store.Profiles.FindBySourceRecordAsync(new SourceRecordKey("crm", "rows", "1")))!.Id.Should().Be(found!.Id);
    }

    /// <summary>A value whose type differs from the catalog's is rejected with its field, and nothing stored changes.</summary>
    [Fact]
    public virtual async Task A_value_of_the_wrong_type_is_rejected_and_nothing_changes()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com"), ("age", 36)));

        var result = await ImportPeopleAsync(service,
            Person("crm", "1", ("email", "ada@example.com"), ("age", "thirty-six")),
            Person("crm", "2", ("email", "bob@example.com"), ("age", 40)));

        result.Rejected.Should().Be(1);
        result.Created.Should().Be(1);
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Field.Should().Be("age");
        error.Record.Should().Be(new SourceRecordKey("crm", "rows", "1"));
        error.Message.Should().Contain("holds number values but the record gives text 'thirty-six'");
        (await service.FindProfileAsync(EntityKind.Person, "email", "ada@example.com"))!["age"].Should().Be(FieldValue.FromNumber(36));
    }

    /// <summary>A record of the other kind is rejected.</summary>
    [Fact]
    public virtual async Task A_record_of_the_wrong_kind_is_rejected()
    {
        var store = NewStore();
        var result = await ImportPeopleAsync(store.Service, Company("crm", "1", ("domain", "acme.com")));

        result.Rejected.Should().Be(1);
        result.Errors.Single().Message.Should().Be("the record is a company but the import is for person records.");
        (await store.Profiles.CountProfilesAsync(EntityKind.Company)).Should().Be(0);
    }

    /// <summary>Invalid alias values are kept as data but never matched on.</summary>
    [Fact]
    public virtual async Task Invalid_alias_values_are_kept_but_not_matched()
    {
        var store = NewStore();
        await ImportPeopleAsync(store.Service,
            Person("a", "1", ("email", "not an email")),
            Person("b", "1", ("email", "not an email")));

        var profiles = await AllAsync(store);
        profiles.Should().HaveCount(2);
        profiles.Should().AllSatisfy(p => p["email"].Should().Be(FieldValue.FromText("not an email")));
        profiles.Should().AllSatisfy(p => p.Aliases.Should().BeEmpty());
    }

    /// <summary>A source key that already belongs to a profile of the other kind is rejected, not merged across kinds.</summary>
    [Fact]
    public virtual async Task A_source_key_used_by_the_other_kind_is_rejected()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("file", "1", ("email", "ada@example.com")));

        var result = await ImportCompaniesAsync(service, Company("file", "1", ("domain", "acme.com")));

        result.Rejected.Should().Be(1);
        result.Errors.Single().Message.Should().Contain("file/rows/1").And.Contain("already belongs to a person profile; give company records their own");
        (await store.Profiles.CountProfilesAsync(EntityKind.Company)).Should().Be(0);
        (await store.Catalog.GetFieldsAsync(EntityKind.Company)).Should().BeEmpty();
    }
}
