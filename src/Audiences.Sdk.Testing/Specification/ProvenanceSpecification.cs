using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>The provenance contract: every source record is kept, and current values follow survivorship.</summary>
public abstract class ProvenanceSpecification : StoreSpecification
{
    /// <summary>Every source record is kept whole, with its values, kind and observation time.</summary>
    [Fact]
    public virtual async Task Every_source_record_is_kept_with_its_values()
    {
        var store = NewStore();
        var observed = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        await ImportPeopleAsync(store.Service,
            Record(EntityKind.Person, SourceKind.Crm, "crm", "003", ("email", "ada@example.com"), ("title", "CTO")) with { ObservedAt = observed },
            Person("file", "7", ("email", "ADA@example.com"), ("title", "Engineer"), ("tags", new[] { "vip", "beta" })));

        var profile = (await AllAsync(store)).Should().ContainSingle().Subject;
        var crm = profile.Sources.Single(s => s.Key.Source == "crm");
        crm.Record.SourceKind.Should().Be(SourceKind.Crm);
        crm.ObservedAt.Should().Be(observed);
        crm.Record.Values["title"].Should().Be(FieldValue.FromText("CTO"));
        var file = profile.Sources.Single(s => s.Key.Source == "file");
        file.ObservedAt.Should().Be(Clock.GetUtcNow());
        file.Record.Values["tags"].AsList().Should().Equal("vip", "beta");
        file.Record.Values["email"].Should().Be(FieldValue.FromText("ADA@example.com"));
    }

    /// <summary>A CRM value outranks a CSV value whatever the order of import, and the winner's source is named.</summary>
    [Fact]
    public virtual async Task A_higher_ranked_source_wins_whatever_the_order()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Record(EntityKind.Person, SourceKind.Crm, "crm", "1", ("email", "ada@example.com"), ("title", "CTO")));
        Clock.Advance(TimeSpan.FromDays(1));
        await ImportPeopleAsync(service, Person("file", "1", ("email", "ada@example.com"), ("title", "Engineer"), ("city", "London")));

        var profile = (await AllAsync(store)).Single();
        profile["title"].Should().Be(FieldValue.FromText("CTO"));
        profile.Values["title"].Source.Should().Be(new SourceRecordKey("crm", "rows", "1"));
        profile.Values["title"].SourceKind.Should().Be(SourceKind.Crm);
        profile["city"].Should().Be(FieldValue.FromText("London"), "a lower-ranked source still fills empty fields");
    }

    /// <summary>Between sources of the same rank, the most recent observation wins.</summary>
    [Fact]
    public virtual async Task Ties_go_to_the_most_recent_observation()
    {
        var store = NewStore();
        var service = store.Service;
        var older = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await ImportPeopleAsync(service, Person("b", "1", ("email", "ada@example.com"), ("title", "Newer")) with { ObservedAt = older.AddDays(10) });
        await ImportPeopleAsync(service, Person("a", "1", ("email", "ada@example.com"), ("title", "Older")) with { ObservedAt = older });

        var profile = (await AllAsync(store)).Single();
        profile["title"].Should().Be(FieldValue.FromText("Newer"));
        profile.Values["title"].ObservedAt.Should().Be(older.AddDays(10));
    }

    /// <summary>Host upserts outrank CRM records.</summary>
    [Fact]
    public virtual async Task Upserts_outrank_crm_records()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Record(EntityKind.Person, SourceKind.Upsert, "app", "1", ("email", "ada@example.com"), ("title", "Founder")));
        await ImportPeopleAsync(service, Record(EntityKind.Person, SourceKind.Crm, "crm", "1", ("email", "ada@example.com"), ("title", "CTO")));

        (await AllAsync(store)).Single()["title"].Should().Be(FieldValue.FromText("Founder"));
    }

    /// <summary>A person's company is found by domain or by account record, whichever order they were imported in.</summary>
    [Fact]
    public virtual async Task A_person_links_to_its_company_by_domain_or_account()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service,
            Person("file", "1", ("email", "ada@acme.com"), ("company_domain", "https://www.acme.com")),
            Record(EntityKind.Person, SourceKind.Crm, "crm", "c1", ("email", "bob@globex.com"))
                with { Company = CompanyLink.ByAccount(new SourceRecordKey("crm", "Account", "001")) });
        await ImportCompaniesAsync(service,
            Company("companies", "1", ("domain", "acme.com"), ("name", "Acme")),
            new SourceRecord(new SourceRecordKey("crm", "Account", "001"), EntityKind.Company, SourceKind.Crm,
                new Dictionary<string, FieldValue> { ["name"] = FieldValue.FromText("Globex") }));

        var ada = await service.FindProfileAsync(EntityKind.Person, "email", "ada@acme.com");
        var bob = await service.FindProfileAsync(EntityKind.Person, "email", "bob@globex.com");
        (await service.GetCompanyAsync(ada!.Id))!["name"].Should().Be(FieldValue.FromText("Acme"));
        (await service.GetCompanyAsync(bob!.Id))!["name"].Should().Be(FieldValue.FromText("Globex"));
        bob.Sources.Single().Record.Company!.Account.Should().Be(new SourceRecordKey("crm", "Account", "001"));
    }

    /// <summary>Without a company link, a work email's domain finds the company, and a free-mail address finds none.</summary>
    [Fact]
    public virtual async Task A_work_email_domain_finds_the_company()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportCompaniesAsync(service, Company("companies", "1", ("domain", "acme.com"), ("name", "Acme")));
        await ImportPeopleAsync(service, Person("people", "1", ("email", "ada@ACME.com")), Person("people", "2", ("email", "grace@gmail.com")));

        var ada = await service.FindProfileAsync(EntityKind.Person, "email", "ada@acme.com");
        var grace = await service.FindProfileAsync(EntityKind.Person, "email", "grace@gmail.com");

        (await service.GetCompanyAsync(ada!.Id))!["name"].Should().Be(FieldValue.FromText("Acme"));
        (await service.GetCompanyAsync(grace!.Id)).Should().BeNull();
    }

    /// <summary>A per-field override lets a named source win a field over higher-ranked ones, and the value is stored.</summary>
    [Fact]
    public virtual async Task A_field_override_lets_a_named_source_win_and_is_stored()
    {
        var store = NewStore(configure: o => o.Survivorship.FieldSourcePriority["title"] = ["hr_system"]);
        var service = store.Service;
        await ImportPeopleAsync(service, Record(EntityKind.Person, SourceKind.Crm, "crm", "1", ("email", "ada@acme.com"), ("title", "CTO"), ("city", "Paris")));
        await ImportPeopleAsync(service, Person("hr_system", "7", ("email", "ada@acme.com"), ("title", "Chief Technology Officer"), ("city", "Lyon")));

        var reopened = Reopen(store);
        var profile = (await AllAsync(reopened)).Single();

        profile["title"].Should().Be(FieldValue.FromText("Chief Technology Officer"));
        profile.Values["title"].Source.Source.Should().Be("hr_system");
        profile["city"].Should().Be(FieldValue.FromText("Paris"), "other fields keep the default order");
    }

    /// <summary>Provenance survives a restart of the store.</summary>
    [Fact]
    public virtual async Task Provenance_survives_reopening_the_store()
    {
        var store = NewStore();
        await ImportPeopleAsync(store.Service,
            Person("file", "1", ("email", "ada@example.com"), ("born", new DateTimeOffset(1815, 12, 10, 0, 0, 0, TimeSpan.Zero)),
                ("score", 0.1 + 0.2), ("active", true), ("name", "Ada Lovelace — Countess"), ("tags", new[] { "é", "x;y" })));
        var before = (await AllAsync(store)).Single();

        var reopened = Reopen(store);
        var after = (await AllAsync(reopened)).Single();

        after.Id.Should().Be(before.Id);
        after.Version.Should().Be(before.Version);
        after.Values.Should().BeEquivalentTo(before.Values);
        after.Aliases.Should().BeEquivalentTo(before.Aliases);
        after.Sources.Should().BeEquivalentTo(before.Sources);
        after["score"].AsNumber().Should().Be(0.1 + 0.2);
    }
}
