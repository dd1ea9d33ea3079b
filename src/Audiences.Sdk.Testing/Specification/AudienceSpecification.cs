using Audiences.Sdk.Filtering;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The audience store contract, driven through the <see cref="IAudienceService"/>: audiences persist,
/// membership is materialized and kept current from profile changes, the change feed records every
/// entry and exit in order, and archive marks, pages and cursors read back exactly.
/// </summary>
public abstract partial class AudienceSpecification : StoreSpecification
{
    /// <summary>An audience is stored with its definition, and it survives a restart with its members and feed.</summary>
    [Fact]
    public virtual async Task An_audience_and_its_members_survive_a_restart()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com"), ("title", "CTO")), Person("crm", "2", ("email", "bob@example.com"), ("title", "Intern")));
        var audiences = store.Audiences;

        var created = await audiences.CreateAsync(new AudienceDefinition("Leaders", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, "title = \"cto\"");

        var reopened = Reopen(store);
        var again = reopened.Audiences;
        var read = await again.GetAsync(created.Id);
        read.Should().Be(created);
        read!.GetFilter().ToString().Should().Be("title = \"cto\"");
        (await again.CountAsync(created.Id)).Should().Be(1);
        (await again.ListMembersAsync(created.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(1);
        var feed = await again.ReadChangesAsync(0);
        feed.Should().ContainSingle().Which.Should().Be(
            new MembershipChange(1, created.Id, new ProfileId(1), MembershipChangeKind.Entered, Clock.GetUtcNow(), 1, true));
    }

    /// <summary>
    /// The workspace list holds every audience, of every creator, kind, status and visibility, ordered by
    /// name regardless of case, each with its active record count; it reads the same after a restart.
    /// </summary>
    [Fact]
    public virtual async Task The_workspace_list_holds_every_audience_with_its_count_and_creator()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com"), ("title", "CTO")), Person("crm", "2", ("email", "bob@example.com"), ("title", "CEO")));
        await ImportCompaniesAsync(service, Company("crm", "9", ("domain", "acme.com")));
        var audiences = store.Audiences;
        var shared = await audiences.CreateAsync(new AudienceDefinition("Leaders", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, "title is not empty");
        var othersDraft = await audiences.CreateAsync(new AudienceDefinition("ctos", EntityKind.Person, "bo"), "title = \"CTO\"");
        var othersPrivate = await audiences.CreateAsync(
            new AudienceDefinition("Bosses", EntityKind.Person, "cy") { Status = AudienceStatus.Active, Visibility = AudienceVisibility.Private }, "title = \"CEO\"");
        var companies = await audiences.CreateAsync(new AudienceDefinition("Accounts", EntityKind.Company, "ana"), "domain is not empty");
        await audiences.ArchiveAsync(shared.Id, [new ProfileId(2)]);

        var expected = new[]
        {
            new AudienceSummary(companies, 1),
            new AudienceSummary(othersPrivate, 1),
            new AudienceSummary(othersDraft, 1),
            new AudienceSummary(shared, 1),
        };
        (await audiences.ListAsync()).Should().Equal(expected);
        (await audiences.ListAsync("ana", AudienceList.Others)).Should().BeEmpty("a user's lists still leave out others' drafts and private audiences");

        var reopened = Reopen(store);
        var again = reopened.Audiences;
        (await again.ListAsync()).Should().Equal(expected);
    }

    /// <summary>A derived audience is stored with its parent, status and visibility, and reads back the same after a restart.</summary>
    [Fact]
    public virtual async Task A_derived_audience_keeps_its_parent_status_and_visibility()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com"), ("title", "CTO"), ("city", "Leeds")), Person("crm", "2", ("email", "bob@example.com"), ("title", "CTO")));
        var audiences = store.Audiences;
        var parent = await audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, "title = \"CTO\"");

        var derived = await audiences.DeriveAsync(
            parent.Id,
            new AudienceDefinition("CTOs in Leeds", EntityKind.Person, "bo") { Status = AudienceStatus.Active, Visibility = AudienceVisibility.Private },
            "city = \"Leeds\"");

        var reopened = Reopen(store);
        var again = reopened.Audiences;
        var read = await again.GetAsync(derived.Id);
        read.Should().Be(derived);
        read!.ParentId.Should().Be(parent.Id);
        read.Status.Should().Be(AudienceStatus.Active);
        read.Visibility.Should().Be(AudienceVisibility.Private);
        (await again.ListMembersAsync(derived.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(1);
    }

    /// <summary>A refresh reads only the profiles changed since the last one and records who entered and who left.</summary>
    [Fact]
    public virtual async Task A_refresh_evaluates_only_changed_profiles_and_records_entries_and_exits()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com"), ("title", "CTO")), Person("crm", "2", ("email", "bob@example.com"), ("title", "Intern")), Person("crm", "3", ("email", "cy@example.com"), ("title", "Intern")));
        var audiences = store.Audiences;
        var leaders = await audiences.CreateAsync(new AudienceDefinition("Leaders", EntityKind.Person, "ana"), "title in [\"CTO\", \"CEO\"]");
        var interns = await audiences.CreateAsync(new AudienceDefinition("Interns", EntityKind.Person, "ana"), "title = \"Intern\"");
        (await audiences.RefreshMembershipAsync()).ProfilesRead.Should().Be(3, "the first refresh catches up with everything stored before");
        var checkpoint = (await audiences.ReadChangesAsync(0)).Max(c => c.Sequence);

        await ImportPeopleAsync(service, Person("crm", "2", ("email", "bob@example.com"), ("title", "CEO")));
        var refresh = await audiences.RefreshMembershipAsync();

        refresh.ProfilesRead.Should().Be(1);
        refresh.Evaluations.Should().Be(2, "one changed profile against two audiences");
        refresh.Entered.Should().Be(1);
        refresh.Exited.Should().Be(1);
        var changes = await audiences.ReadChangesAsync(checkpoint);
        changes.Select(c => (c.AudienceId, c.ProfileId.Value, c.Kind, c.Active)).Should().BeEquivalentTo(new[]
        {
            (leaders.Id, 2L, MembershipChangeKind.Entered, true),
            (interns.Id, 2L, MembershipChangeKind.Exited, false),
        });
        changes.Select(c => c.Sequence).Should().BeInAscendingOrder().And.OnlyContain(s => s > checkpoint);
        changes.Should().OnlyContain(c => c.ProfileVersion == refresh.ToVersion);
        (await audiences.ListMembersAsync(leaders.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(1, 2);
        (await audiences.ListMembersAsync(interns.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(3);
        (await audiences.RefreshMembershipAsync()).ProfilesRead.Should().Be(0);
    }

    /// <summary>
    /// Importing related records marks their owner changed: a refresh re-evaluates exactly that company against a
    /// criterion quantifying over its opportunities, and a person audience reading the company follows the company.
    /// </summary>
    [Fact]
    public virtual async Task Related_records_and_company_changes_move_membership_on_refresh()
    {
        var store = NewStore(configure: o => o.RelatedRecordTypes.Add(new RelatedRecordType("opportunities", EntityKind.Company,
            [new FieldDefinition("amount", EntityKind.Company, FieldType.Number, "crm"), new FieldDefinition("stage", EntityKind.Company, FieldType.Text, "crm")])));
        var service = store.Service;
        await ImportCompaniesAsync(service, Company("crm", "a", ("domain", "acme.com"), ("industry", "Retail")), Company("crm", "g", ("domain", "globex.com"), ("industry", "Retail")));
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@acme.com")), Person("crm", "2", ("email", "bob@globex.com")));
        var audiences = store.Audiences;
        var won = await audiences.CreateAsync(
            new AudienceDefinition("Won big", EntityKind.Company, "ana"), "opportunities.any(stage = \"Closed Won\" and amount > 50000)");
        var retail = await audiences.CreateAsync(new AudienceDefinition("Retail people", EntityKind.Person, "ana"), "company.industry = \"Retail\"");
        await audiences.RefreshMembershipAsync();
        (await audiences.CountAsync(won.Id)).Should().Be(0);
        (await audiences.CountAsync(retail.Id)).Should().Be(2);

        await service.ImportRelatedAsync(AsAsync(new RelatedRecord(
            new SourceRecordKey("crm", "Opportunity", "o1"), "opportunities", EntityKind.Company,
            new Dictionary<string, FieldValue> { ["amount"] = FieldValue.FromNumber(60_000), ["stage"] = FieldValue.FromText("Closed Won") })
        { OwnerAlias = new AliasKey("domain", "acme.com") }));
        await ImportCompaniesAsync(service, Company("crm", "g", ("domain", "globex.com"), ("industry", "Software")));
        var refresh = await audiences.RefreshMembershipAsync();

        refresh.ProfilesRead.Should().Be(2, "the opportunity's owner and the changed company");
        var acme = await service.FindProfileAsync(EntityKind.Company, "domain", "acme.com");
        (await audiences.ListMembersAsync(won.Id)).Profiles.Select(p => p.Id).Should().Equal(acme!.Id);
        var ada = await service.FindProfileAsync(EntityKind.Person, "email", "ada@acme.com");
        (await audiences.ListMembersAsync(retail.Id)).Profiles.Select(p => p.Id).Should().Equal([ada!.Id], "Globex left retail, so Bob left the audience");
    }

    /// <summary>
    /// Criteria relative to now are evaluated at every refresh: a profile leaves "within last 30 days" as time passes.
    /// The store must read "now" from the same clock as the services (<see cref="StoreSpecification.Clock"/>).
    /// </summary>
    [Fact]
    public virtual async Task Time_relative_criteria_follow_the_clock_on_refresh()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service,
            Person("crm", "1", ("email", "ada@example.com"), ("last_seen", Clock.GetUtcNow().AddDays(-10))),
            Person("crm", "2", ("email", "bob@example.com"), ("last_seen", Clock.GetUtcNow().AddDays(-25))));
        var audiences = store.Audiences;
        var recent = await audiences.CreateAsync(
            new AudienceDefinition("Recently seen", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, "last_seen within last 30d");
        await audiences.RefreshMembershipAsync();
        (await audiences.CountAsync(recent.Id)).Should().Be(2);

        Clock.Advance(TimeSpan.FromDays(10));
        var refresh = await audiences.RefreshMembershipAsync();

        refresh.ProfilesRead.Should().Be(0, "no profile changed");
        refresh.FullEvaluations.Should().Be(1);
        refresh.Exited.Should().Be(1);
        (await audiences.ListMembersAsync(recent.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(1);
    }

    /// <summary>A merge retires a profile: its id exits every audience it was in; undoing the merge lets it enter again.</summary>
    [Fact]
    public virtual async Task A_merged_id_exits_and_an_undone_merge_lets_it_enter_again()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com"), ("city", "Leeds")));
        await ImportPeopleAsync(service, Person("csv", "1", ("linkedin_url", "linkedin.com/in/ada"), ("city", "Leeds")));
        var audiences = store.Audiences;
        var leeds = await audiences.CreateAsync(new AudienceDefinition("Leeds", EntityKind.Person, "ana"), "city = \"Leeds\"");
        (await audiences.CountAsync(leeds.Id)).Should().Be(2);

        await ImportPeopleAsync(service, Person("web", "1", ("email", "ada@example.com"), ("linkedin_url", "linkedin.com/in/ada")));
        var afterMerge = await audiences.RefreshMembershipAsync();

        afterMerge.Exited.Should().Be(1);
        (await audiences.ListMembersAsync(leeds.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(1);
        var merge = (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Single();
        (await audiences.ReadChangesAsync(2)).Should().ContainSingle().Which.Should().Match<MembershipChange>(
            c => c.ProfileId == new ProfileId(2) && c.Kind == MembershipChangeKind.Exited && c.ProfileVersion == merge.Version && !c.Active);

        await service.UndoMergeAsync(new ProfileId(2));
        var afterUndo = await audiences.RefreshMembershipAsync();

        afterUndo.Entered.Should().Be(1);
        (await audiences.ListMembersAsync(leeds.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(1, 2);
    }

    /// <summary>Archived records leave the count and the member list but stay tracked, and come back when restored.</summary>
    [Fact]
    public virtual async Task Archived_records_are_not_counted_or_listed_and_can_be_restored()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "a@example.com"), ("city", "Leeds")), Person("crm", "2", ("email", "b@example.com"), ("city", "Leeds")), Person("crm", "3", ("email", "c@example.com"), ("city", "Leeds")));
        var audiences = store.Audiences;
        var leeds = await audiences.CreateAsync(new AudienceDefinition("Leeds", EntityKind.Person, "ana"), "city = \"Leeds\"");

        (await audiences.ArchiveAsync(leeds.Id, [new ProfileId(2), new ProfileId(3)])).Should().Be(2);

        (await audiences.CountAsync(leeds.Id)).Should().Be(1);
        (await audiences.ListMembersAsync(leeds.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(1);
        (await audiences.ListArchivedAsync(leeds.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(2, 3);
        var feed = await audiences.ReadChangesAsync(3);
        feed.Select(c => (c.ProfileId.Value, c.Kind, c.Active)).Should().Equal((2L, MembershipChangeKind.Archived, false), (3L, MembershipChangeKind.Archived, false));

        await ImportPeopleAsync(service, Person("crm", "3", ("email", "c@example.com"), ("city", "York")));
        (await audiences.RefreshMembershipAsync()).Exited.Should().Be(1, "an archived record is still tracked: it leaves when it stops matching");
        (await audiences.ListArchivedAsync(leeds.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(2);

        (await audiences.RestoreAsync(leeds.Id, [new ProfileId(2)])).Should().Be(1);
        (await audiences.ListMembersAsync(leeds.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(1, 2);
        (await audiences.ReadChangesAsync(6)).Select(c => (c.ProfileId.Value, c.Kind, c.Active)).Should().Equal((2L, MembershipChangeKind.Restored, true));
    }

    /// <summary>Pages and the record cursor step through the active members in id order and stop at both ends.</summary>
    [Fact]
    public virtual async Task Pages_and_the_record_cursor_step_through_members_in_id_order()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, [.. Enumerable.Range(1, 5).Select(i => Person("crm", $"{i}", ("email", $"p{i}@example.com"), ("city", i == 3 ? "York" : "Leeds")))]);
        var audiences = store.Audiences;
        var leeds = await audiences.CreateAsync(new AudienceDefinition("Leeds", EntityKind.Person, "ana"), "city = \"Leeds\"");

        var first = await audiences.ListMembersAsync(leeds.Id, limit: 2);
        var second = await audiences.ListMembersAsync(leeds.Id, first.Next, 2);
        first.Profiles.Select(p => p.Id.Value).Should().Equal(1, 2);
        second.Profiles.Select(p => p.Id.Value).Should().Equal(4, 5);
        second.Next.Should().BeNull();

        var record = await audiences.GetRecordAsync(leeds.Id);
        record!.Profile.Id.Should().Be(new ProfileId(1));
        record.Previous.Should().BeNull();
        record.Next.Should().Be(new ProfileId(2));
        var last = await audiences.GetRecordAsync(leeds.Id, null, RecordStep.Previous);
        last!.Profile.Id.Should().Be(new ProfileId(5));
        last.Next.Should().BeNull();
        (await audiences.GetRecordAsync(leeds.Id, new ProfileId(2), RecordStep.Next))!.Profile.Id.Should().Be(new ProfileId(4));
        (await audiences.GetRecordAsync(leeds.Id, new ProfileId(4), RecordStep.Previous))!.Profile.Id.Should().Be(new ProfileId(2));
        (await audiences.GetRecordAsync(leeds.Id, new ProfileId(5), RecordStep.Next)).Should().BeNull();
        (await audiences.GetRecordAsync(leeds.Id, new ProfileId(3), RecordStep.Current)).Should().BeNull("profile 3 is not a member");
    }

    /// <summary>Deleting an audience records every member's exit and removes it with its members.</summary>
    [Fact]
    public virtual async Task Deleting_an_audience_records_exits_and_removes_it()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "a@example.com"), ("city", "Leeds")), Person("crm", "2", ("email", "b@example.com"), ("city", "Leeds")));
        var audienceStore = store.AudienceStore;
        var audiences = store.Audiences;
        var leeds = await audiences.CreateAsync(new AudienceDefinition("Leeds", EntityKind.Person, "ana"), "city = \"Leeds\"");
        await audiences.ArchiveAsync(leeds.Id, [new ProfileId(2)]);

        await audiences.DeleteAsync(leeds.Id);

        (await audiences.GetAsync(leeds.Id)).Should().BeNull();
        (await audienceStore.CountMembersAsync(leeds.Id, MemberState.Archived)).Should().Be(0);
        (await audienceStore.GetMembershipsAsync(new ProfileId(1))).Should().BeEmpty();
        (await audiences.ReadChangesAsync(3)).Select(c => (c.ProfileId.Value, c.Kind)).Should().BeEquivalentTo(new[]
        {
            (1L, MembershipChangeKind.Exited),
            (2L, MembershipChangeKind.Exited),
        });
        var next = await audiences.CreateAsync(new AudienceDefinition("Leeds", EntityKind.Person, "ana"), "city = \"Leeds\"");
        next.Id.Should().BeGreaterThan(leeds.Id, "audience ids are never reused");
    }

    /// <summary>A write session that is not committed leaves nothing behind.</summary>
    [Fact]
    public virtual async Task An_uncommitted_session_leaves_no_trace()
    {
        var store = NewStore();
        var audiences = store.AudienceStore;
        var session = await audiences.BeginWriteAsync();
        await using (session)
        {
            var id = await session.AllocateAudienceIdAsync();
            await session.SaveAudienceAsync(new Audience
            {
                Id = id,
                Name = "Gone",
                Kind = EntityKind.Person,
                FilterJson = Filtering.FilterJson.Serialize(Filtering.Condition.IsEmpty("title")),
                Status = AudienceStatus.Draft,
                Visibility = AudienceVisibility.Workspace,
                CreatedBy = "ana",
                CreatedAt = Clock.GetUtcNow(),
                UpdatedAt = Clock.GetUtcNow(),
            });
            await session.SetMemberStateAsync(id, new ProfileId(1), MemberState.Active);
            await session.AppendChangeAsync(new MembershipChange(0, id, new ProfileId(1), MembershipChangeKind.Entered, Clock.GetUtcNow(), 1, true));
            await session.SetProcessedVersionAsync(9);
        }

        (await audiences.ListAudiencesAsync()).Should().BeEmpty();
        (await audiences.ReadChangesAsync(0, 10)).Should().BeEmpty();
        (await audiences.GetProcessedVersionAsync()).Should().Be(0);
        var next = await audiences.BeginWriteAsync();
        await using (next)
        {
            (await next.GetMemberStateAsync(1, new ProfileId(1))).Should().BeNull();
        }
    }
}
