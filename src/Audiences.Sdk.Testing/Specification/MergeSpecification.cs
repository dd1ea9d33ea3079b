using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>The merge contract: transitive merges into the oldest profile, stable ids, and the merge ledger.</summary>
public abstract class MergeSpecification : StoreSpecification
{
    /// <summary>A shares a LinkedIn URL with B and B an email with C: one profile, the oldest id, the others resolve to it.</summary>
    [Fact]
    public virtual async Task A_transitive_chain_ends_as_one_profile_with_the_oldest_id()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("linkedin_url", "linkedin.com/in/ada"), ("title", "CTO")));
        await ImportPeopleAsync(service, Person("c", "1", ("email", "ada@example.com"), ("city", "London")));
        var ids = (await AllAsync(store)).Select(p => p.Id).ToArray();
        ids.Should().HaveCount(2);

        var result = await ImportPeopleAsync(service, Person("b", "1", ("linkedin_url", "https://www.linkedin.com/in/ada/"), ("email", "ADA@example.com")));

        result.Merged.Should().Be(1);
        var profile = (await AllAsync(store)).Should().ContainSingle().Subject;
        profile.Id.Should().Be(ids.Min());
        profile.Sources.Select(s => s.Key.Source).Should().BeEquivalentTo("a", "b", "c");
        profile["title"].Should().Be(FieldValue.FromText("CTO"));
        profile["city"].Should().Be(FieldValue.FromText("London"));
        (await store.Profiles.ResolveAsync(ids.Max())).Should().Be(ids.Min());
        (await store.Profiles.GetProfileAsync(ids.Max()))!.Id.Should().Be(ids.Min());
    }

    /// <summary>A chain inside one batch merges just the same.</summary>
    [Fact]
    public virtual async Task A_transitive_chain_inside_one_batch_ends_as_one_profile()
    {
        var store = NewStore();
        await ImportPeopleAsync(store.Service,
            Person("a", "1", ("linkedin_url", "linkedin.com/in/ada")),
            Person("c", "1", ("email", "ada@example.com")),
            Person("b", "1", ("linkedin_url", "linkedin.com/in/ada"), ("email", "ada@example.com")));

        (await AllAsync(store)).Should().ContainSingle().Which.Sources.Should().HaveCount(3);
    }

    /// <summary>Each merge is recorded with the survivor, the merged id, the shared alias and the record that caused it.</summary>
    [Fact]
    public virtual async Task Merges_are_recorded_with_alias_and_cause()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("linkedin_url", "linkedin.com/in/ada")));
        await ImportPeopleAsync(service, Person("c", "1", ("email", "ada@example.com")));
        await ImportPeopleAsync(service, Person("b", "1", ("linkedin_url", "linkedin.com/in/ada"), ("email", "ada@example.com")));

        var merges = new List<MergeRecord>();
        await foreach (var merge in store.Ledger.ListMergesAsync(EntityKind.Person))
        {
            merges.Add(merge);
        }

        var entry = merges.Should().ContainSingle().Subject;
        entry.SurvivorId.Should().Be(new ProfileId(1));
        entry.MergedId.Should().Be(new ProfileId(2));
        entry.Alias.Should().Be(new AliasKey("email", "ada@example.com"));
        entry.CausedBy.Should().Be(new SourceRecordKey("b", "rows", "1"));
        entry.MergedAt.Should().Be(Clock.GetUtcNow());
        entry.Reason.Should().Contain("email").And.Contain("b/rows/1");
        (await AllAsync(store, EntityKind.Company)).Should().BeEmpty();
    }

    /// <summary>When a survivor is itself merged later, every earlier id resolves to the final survivor.</summary>
    [Fact]
    public virtual async Task Merged_ids_follow_later_merges_to_the_final_survivor()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "one@example.com")));
        await ImportPeopleAsync(service, Person("a", "2", ("email", "two@example.com")));
        await ImportPeopleAsync(service, Person("a", "3", ("email", "three@example.com")));
        await ImportPeopleAsync(service, Person("b", "1", ("email", "two@example.com"), ("linkedin_url", "linkedin.com/in/x")));
        await ImportPeopleAsync(service, Person("b", "2", ("email", "three@example.com"), ("linkedin_url", "linkedin.com/in/x")));
        (await store.Profiles.ResolveAsync(new ProfileId(3))).Should().Be(new ProfileId(2));

        await ImportPeopleAsync(service, Person("c", "1", ("email", "one@example.com"), ("linkedin_url", "linkedin.com/in/x")));

        var survivor = (await AllAsync(store)).Should().ContainSingle().Subject;
        survivor.Id.Should().Be(new ProfileId(1));
        survivor.Sources.Should().HaveCount(6);
        (await store.Profiles.ResolveAsync(new ProfileId(3))).Should().Be(survivor.Id);
        (await store.Profiles.ResolveAsync(new ProfileId(2))).Should().Be(survivor.Id);
        (await store.Profiles.GetProfileAsync(new ProfileId(3)))!.Id.Should().Be(survivor.Id);
        (await store.Profiles.ResolveAsync(new ProfileId(999))).Should().BeNull();
    }

    /// <summary>After a merge, aliases of both profiles find the survivor.</summary>
    [Fact]
    public virtual async Task Aliases_of_merged_profiles_find_the_survivor()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "ada@example.com")));
        await ImportPeopleAsync(service, Person("b", "1", ("email", "ada@work.com")));
        await ImportPeopleAsync(service, Person("c", "1", ("email", "ada@work.com"), ("linkedin_url", "linkedin.com/in/ada")));
        await ImportPeopleAsync(service, Person("d", "1", ("email", "ada@example.com"), ("linkedin_url", "linkedin.com/in/ada")));

        var survivor = (await AllAsync(store)).Should().ContainSingle().Subject;
        foreach (var email in new[] { "ada@example.com", "ada@work.com" })
        {
            (await store.Profiles.FindByAliasAsync(EntityKind.Person, new AliasKey("email", email)))!.Id.Should().Be(survivor.Id);
        }

        survivor.Aliases.Should().BeEquivalentTo([
            new AliasKey("email", "ada@example.com"), new AliasKey("email", "ada@work.com"), new AliasKey("linkedin_url", "linkedin.com/in/ada")]);
    }

    /// <summary>People and companies never merge with each other, even on equal text.</summary>
    [Fact]
    public virtual async Task Kinds_never_merge_with_each_other()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("linkedin_url", "linkedin.com/company/acme")));
        await ImportCompaniesAsync(service, Company("a", "2", ("linkedin_url", "linkedin.com/company/acme"), ("domain", "acme.com")));

        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(1);
        (await store.Profiles.CountProfilesAsync(EntityKind.Company)).Should().Be(1);
    }

    /// <summary>An import that does not match on an alias field leaves profiles sharing that value apart.</summary>
    [Fact]
    public virtual async Task Only_the_import_match_fields_merge()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "ada@example.com"), ("linkedin_url", "linkedin.com/in/ada")));
        await service.UpsertAsync([Person("b", "1", ("linkedin_url", "linkedin.com/in/ada"))],
            new Import.ImportOptions(EntityKind.Person) { MatchOn = ["email"] });

        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(2);
    }

    /// <summary>People who share a role mailbox or a placeholder are never merged, and the values are reported and kept.</summary>
    [Fact]
    public virtual async Task Role_mailboxes_and_placeholders_never_merge_people()
    {
        var store = NewStore();
        var result = await ImportPeopleAsync(store.Service,
            Person("a", "1", ("email", "info@acme.com"), ("first_name", "Ada")),
            Person("a", "2", ("email", "INFO@acme.com"), ("first_name", "Grace")),
            Person("a", "3", ("email", "n/a"), ("first_name", "Alan")),
            Person("a", "4", ("email", "N/A"), ("first_name", "Edsger")));

        result.Created.Should().Be(4);
        result.Merged.Should().Be(0);
        result.Unmatchable.Should().Be(4);
        result.Warnings.Select(w => (w.Record!.Value.ExternalId, w.Field)).Should().Equal(("1", "email"), ("2", "email"), ("3", "email"), ("4", "email"));
        result.Warnings[0].Message.Should().Contain("role mailbox");
        (await AllAsync(store)).Should().OnlyContain(p => p.Aliases.Count == 0 && !p["email"].IsEmpty);
    }

    /// <summary>Companies that list a free-mail domain are never merged through it.</summary>
    [Fact]
    public virtual async Task Free_mail_domains_never_merge_companies()
    {
        var store = NewStore();
        var result = await ImportCompaniesAsync(store.Service,
            Company("a", "1", ("domain", "gmail.com"), ("name", "Ada's Bakery")),
            Company("a", "2", ("domain", "https://www.gmail.com"), ("name", "Grace Consulting")));

        result.Created.Should().Be(2);
        result.Warnings.Should().HaveCount(2).And.OnlyContain(w => w.Message.Contains("free-mail", StringComparison.Ordinal));
        (await store.Profiles.CountProfilesAsync(EntityKind.Company)).Should().Be(2);
    }

    /// <summary>A converted lead joins its contact's profile whichever is imported first, and both records keep their values.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public virtual async Task A_converted_lead_joins_its_contact_in_either_order(bool leadFirst)
    {
        var store = NewStore();
        var service = store.Service;
        var contactKey = new SourceRecordKey("salesforce", "Contact", "003A");
        var lead = new SourceRecord(new SourceRecordKey("salesforce", "Lead", "00QA"), EntityKind.Person, SourceKind.CrmLead,
            new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText("ada@old-job.com"), ["title"] = FieldValue.FromText("Engineer"), ["lead_source"] = FieldValue.FromText("Webinar") })
        { ConvertedTo = contactKey };
        var contact = new SourceRecord(contactKey, EntityKind.Person, SourceKind.Crm,
            new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText("ada@new-job.com"), ["title"] = FieldValue.FromText("CTO") });

        await ImportPeopleAsync(service, leadFirst ? lead : contact);
        await ImportPeopleAsync(service, leadFirst ? contact : lead);

        var profile = (await AllAsync(store)).Should().ContainSingle().Subject;
        profile.Sources.Select(s => s.Key).Should().BeEquivalentTo([lead.Key, contactKey]);
        profile["title"].Should().Be(FieldValue.FromText("CTO"), "a contact outranks a lead");
        profile["lead_source"].Should().Be(FieldValue.FromText("Webinar"), "the lead's data is kept");
        (await service.FindProfileAsync(EntityKind.Person, "email", "ada@old-job.com"))!.Id.Should().Be(profile.Id);
    }

    /// <summary>Leads deduplicate against contacts of other sources by email, like any record.</summary>
    [Fact]
    public virtual async Task Leads_deduplicate_against_other_sources_by_email()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Record(EntityKind.Person, SourceKind.Crm, "hubspot", "1", ("email", "ada@acme.com")));
        await ImportPeopleAsync(service, Record(EntityKind.Person, SourceKind.CrmLead, "salesforce", "00QB", ("email", " ADA@acme.com")));

        (await AllAsync(store)).Should().ContainSingle().Which.Sources.Should().HaveCount(2);
    }

    /// <summary>Explain names the chain of aliases that joins two records, and the merges behind the profile.</summary>
    [Fact]
    public virtual async Task Explain_gives_the_alias_chain_and_the_merges()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("linkedin_url", "linkedin.com/in/ada")));
        await ImportPeopleAsync(service, Person("c", "1", ("email", "ada@example.com")));
        await ImportPeopleAsync(service, Person("b", "1", ("linkedin_url", "https://linkedin.com/in/ada/"), ("email", "ADA@example.com")));
        var a = new SourceRecordKey("a", "rows", "1");
        var b = new SourceRecordKey("b", "rows", "1");
        var c = new SourceRecordKey("c", "rows", "1");

        var chain = await service.ExplainMatchAsync(a, c);
        var explanation = await service.ExplainAsync(new ProfileId(2));

        chain!.Select(l => (l.From, l.To, l.Alias.Field)).Should().Equal((a, b, "linkedin_url"), (b, c, "email"));
        chain![1].ToString().Should().Contain("email 'ada@example.com'");
        explanation!.Profile.Id.Should().Be(new ProfileId(1));
        explanation.Links.Select(l => l.To).Should().BeEquivalentTo([b, c]);
        explanation.Unlinked.Should().BeEmpty();
        explanation.Merges.Should().ContainSingle().Which.MergedId.Should().Be(new ProfileId(2));
        (await service.ExplainMatchAsync(a, new SourceRecordKey("z", "rows", "9"))).Should().BeNull();
        (await service.ExplainAsync(new ProfileId(99))).Should().BeNull();
    }

    /// <summary>An identifier carried by as many records as the limit allows stops merging, and each refusal is reported.</summary>
    [Fact]
    public virtual async Task A_widely_shared_identifier_stops_merging()
    {
        var store = NewStore(configure: o => o.GuardRails.MaxRecordsPerIdentifier = 3);
        var service = store.Service;
        var records = Enumerable.Range(1, 5)
            .Select(i => Person("file", i.ToString(System.Globalization.CultureInfo.InvariantCulture), ("email", "founders@startup.example")))
            .ToArray();

        var result = await ImportPeopleAsync(service, records);

        result.Created.Should().Be(3, "records 1-3 share one profile, then 4 and 5 stand alone");
        result.Unmatchable.Should().Be(2);
        result.Warnings.Should().OnlyContain(w => w.Field == "email" && w.Message.Contains("stops merging", StringComparison.Ordinal));
        (await AllAsync(store)).Select(p => p.Sources.Count).Should().BeEquivalentTo([3, 1, 1]);
    }

    /// <summary>A record that gains an alias on a later import joins the profile holding it: matching runs again for that profile, no rebuild.</summary>
    [Fact]
    public virtual async Task A_new_alias_on_a_known_record_resolves_the_profile_again()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "mo@example.com")));
        await ImportPeopleAsync(service, Person("csv", "1", ("linkedin_url", "linkedin.com/in/mo")));
        (await AllAsync(store)).Should().HaveCount(2);

        var result = await service.UpsertAsync(
            [Record(EntityKind.Person, SourceKind.Csv, "csv", "1", ("linkedin_url", "linkedin.com/in/mo"), ("email", "Mo@Example.com"))],
            new ImportOptions(EntityKind.Person));

        result.Merged.Should().Be(1);
        var profile = (await AllAsync(store)).Should().ContainSingle().Subject;
        profile.Id.Should().Be(new ProfileId(1));
        profile.Sources.Should().HaveCount(2);
    }

    /// <summary>Importing the same records in the same order into an empty store gives the same ids: a rebuild keeps them.</summary>
    [Fact]
    public virtual async Task A_rebuild_from_the_same_records_gives_the_same_ids()
    {
        SourceRecord[] records =
        [
            Person("a", "1", ("email", "x@example.com")),
            Person("a", "2", ("email", "y@example.com")),
            Person("b", "1", ("email", "y@example.com"), ("linkedin_url", "linkedin.com/in/x")),
            Person("b", "2", ("linkedin_url", "linkedin.com/in/x")),
            Person("c", "1", ("email", "z@example.com")),
        ];

        async Task<List<(long Id, string[] Sources)>> BuildAsync()
        {
            var store = NewStore(batchSize: 2);
            await ImportPeopleAsync(store.Service, records);
            return (await AllAsync(store)).Select(p => (p.Id.Value, p.Sources.Select(s => s.Key.ToString()).Order(StringComparer.Ordinal).ToArray())).ToList();
        }

        var first = await BuildAsync();
        var second = await BuildAsync();

        second.Should().BeEquivalentTo(first, o => o.WithStrictOrdering());
    }
}
