using Audiences.Sdk.Segments;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using static Audiences.Sdk.Tests.Segments.AudienceServiceFixture;

namespace Audiences.Sdk.Tests.Segments;

public sealed class AudienceServiceTests : IDisposable
{
    private readonly AudienceServiceFixture _fx = new();

    private IAudienceService Audiences => _fx.Audiences;

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task CreateAsync_InvalidFilterText_ThrowsWithPosition()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")));

        var act = () => Audiences.CreateAsync(new AudienceDefinition("Bad", EntityKind.Person, "ana"), "title = ");

        (await act.Should().ThrowAsync<FilterSyntaxException>()).Which.Position.Should().NotBeNull();
        (await Audiences.ListAsync("ana", AudienceList.Drafts)).Should().BeEmpty();
    }

    [Fact]
    public async Task CreateAsync_UnknownField_ThrowsBindingErrorWithSuggestion()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")));

        var act = () => Audiences.CreateAsync(new AudienceDefinition("Bad", EntityKind.Person, "ana"), "titel = \"CTO\"");

        var error = (await act.Should().ThrowAsync<FilterBindingException>()).Which;
        error.Position.Should().NotBeNull();
        error.Message.Should().Contain("title");
    }

    [Fact]
    public async Task CreateAsync_NameTakenInAnotherCase_Throws()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")));
        await Audiences.CreateAsync(new AudienceDefinition("Leaders", EntityKind.Person, "ana"), "title = \"CTO\"");

        var act = () => Audiences.CreateAsync(new AudienceDefinition(" leaders ", EntityKind.Person, "bo"), "title = \"CEO\"");

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*'Leaders' already exists*");
    }

    [Fact]
    public async Task RenameAsync_ToAnotherAudiencesName_ThrowsAndOwnNameInAnotherCaseIsAllowed()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")));
        var first = await Audiences.CreateAsync(new AudienceDefinition("Leaders", EntityKind.Person, "ana"), "title = \"CTO\"");
        var second = await Audiences.CreateAsync(new AudienceDefinition("Others", EntityKind.Person, "ana"), "title = \"CEO\"");

        await ((Func<Task>)(() => Audiences.RenameAsync(second.Id, "LEADERS"))).Should().ThrowAsync<InvalidOperationException>();
        var renamed = await Audiences.RenameAsync(first.Id, "LEADERS");

        renamed.Name.Should().Be("LEADERS");
        renamed.Revision.Should().Be(first.Revision + 1);
        (await Audiences.GetAsync(first.Id))!.Name.Should().Be("LEADERS");
    }

    [Fact]
    public async Task Calls_UnknownAudience_ThrowKeyNotFound()
    {
        await ((Func<Task>)(() => Audiences.RenameAsync(42, "x"))).Should().ThrowAsync<KeyNotFoundException>().WithMessage("*42*");
        await ((Func<Task>)(() => Audiences.DeleteAsync(42))).Should().ThrowAsync<KeyNotFoundException>();
        await ((Func<Task>)(() => Audiences.CountAsync(42))).Should().ThrowAsync<KeyNotFoundException>();
        await ((Func<Task>)(() => Audiences.ChangeCriteriaAsync(42, "title = \"x\""))).Should().ThrowAsync<KeyNotFoundException>();
        await ((Func<Task>)(() => Audiences.DeriveAsync(42, "d", "ana", "title = \"x\""))).Should().ThrowAsync<KeyNotFoundException>();
        await ((Func<Task>)(() => Audiences.DeriveAsync(42, new AudienceDefinition("d", EntityKind.Person, "ana"), "title = \"x\""))).Should().ThrowAsync<KeyNotFoundException>();
        await ((Func<Task>)(() => Audiences.ArchiveAsync(42, [new ProfileId(1)]))).Should().ThrowAsync<KeyNotFoundException>();
        await ((Func<Task>)(() => Audiences.GetRecordAsync(42))).Should().ThrowAsync<KeyNotFoundException>();
    }

    [Fact]
    public async Task ListAsync_MineOthersDrafts_SplitByCreatorStatusAndVisibilityWithCounts()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")), Person("2", ("email", "b@example.com"), ("title", "CEO")));
        var mine = await Audiences.CreateAsync(new AudienceDefinition("Ana active", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, "title is not empty");
        var draft = await Audiences.CreateAsync(new AudienceDefinition("Ana draft", EntityKind.Person, "ana"), "title = \"CTO\"");
        var shared = await Audiences.CreateAsync(new AudienceDefinition("Bo shared", EntityKind.Person, "bo") { Status = AudienceStatus.Active }, "title = \"CEO\"");
        await Audiences.CreateAsync(new AudienceDefinition("Bo private", EntityKind.Person, "bo") { Status = AudienceStatus.Active, Visibility = AudienceVisibility.Private }, "title = \"CEO\"");
        await Audiences.CreateAsync(new AudienceDefinition("Bo draft", EntityKind.Person, "bo"), "title = \"CEO\"");

        (await Audiences.ListAsync("ana", AudienceList.Mine)).Should().Equal(new AudienceSummary(mine, 2));
        (await Audiences.ListAsync("ana", AudienceList.Drafts)).Should().Equal(new AudienceSummary(draft, 1));
        var others = await Audiences.ListAsync("ana", AudienceList.Others);
        others.Should().Equal(new AudienceSummary(shared, 1));
        others[0].Audience.CreatedBy.Should().Be("bo");

        await Audiences.ActivateAsync(draft.Id);
        (await Audiences.ListAsync("ana", AudienceList.Mine)).Select(s => s.Audience.Name).Should().Equal("Ana active", "Ana draft");
        (await Audiences.ListAsync("ana", AudienceList.Drafts)).Should().BeEmpty();
    }

    [Fact]
    public async Task DeriveAsync_ParentCriteriaAndCondition_SelectsTheIntersectionInOneCall()
    {
        await _fx.PeopleAsync(
            Person("1", ("email", "a@example.com"), ("title", "CTO"), ("city", "Leeds")),
            Person("2", ("email", "b@example.com"), ("title", "CTO"), ("city", "York")),
            Person("3", ("email", "c@example.com"), ("title", "Intern"), ("city", "Leeds")));
        var parent = await Audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana"), "title = \"CTO\"");

        var derived = await Audiences.DeriveAsync(parent.Id, "CTOs in Leeds", "signals", "city = \"Leeds\"");

        derived.ParentId.Should().Be(parent.Id);
        derived.Kind.Should().Be(EntityKind.Person);
        derived.Status.Should().Be(AudienceStatus.Draft, "without a definition a derived audience is a draft");
        derived.Visibility.Should().Be(AudienceVisibility.Workspace);
        derived.GetFilter().ToString().Should().Be("title = \"CTO\" and city = \"Leeds\"");
        (await Audiences.ListMembersAsync(derived.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(1);

        await _fx.PeopleAsync(Person("2", ("email", "b@example.com"), ("title", "CTO"), ("city", "Leeds")));
        await Audiences.RefreshMembershipAsync();
        (await Audiences.ListMembersAsync(derived.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(1, 2);
    }

    [Fact]
    public async Task DeriveAsync_Definition_SetsStatusVisibilityAndCreatorOfTheChild()
    {
        await _fx.PeopleAsync(
            Person("1", ("email", "a@example.com"), ("title", "CTO"), ("city", "Leeds")),
            Person("2", ("email", "b@example.com"), ("title", "CTO"), ("city", "York")));
        var parent = await Audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, "title = \"CTO\"");

        var derived = await Audiences.DeriveAsync(
            parent.Id,
            new AudienceDefinition(" CTOs in Leeds ", EntityKind.Person, "bo") { Status = AudienceStatus.Active, Visibility = AudienceVisibility.Private },
            "city = \"Leeds\"");

        derived.Should().BeEquivalentTo(new
        {
            Name = "CTOs in Leeds",
            Kind = EntityKind.Person,
            Status = AudienceStatus.Active,
            Visibility = AudienceVisibility.Private,
            CreatedBy = "bo",
            ParentId = (long?)parent.Id,
            Revision = 1L,
        });
        derived.GetFilter().ToString().Should().Be("title = \"CTO\" and city = \"Leeds\"");
        (await Audiences.GetAsync(derived.Id)).Should().Be(derived);
        (await Audiences.ListAsync("bo", AudienceList.Mine)).Should().Equal(new AudienceSummary(derived, 1));
        (await Audiences.ListAsync("ana", AudienceList.Others)).Should().BeEmpty("the child is private to bo");
    }

    [Fact]
    public async Task DeriveAsync_DefinitionWithFilterCondition_AndsItToTheParentsCriteria()
    {
        await _fx.PeopleAsync(
            Person("1", ("email", "a@example.com"), ("title", "CTO"), ("city", "Leeds")),
            Person("2", ("email", "b@example.com"), ("title", "CTO")));
        var parent = await Audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana"), "title = \"CTO\"");

        var derived = await Audiences.DeriveAsync(
            parent.Id, new AudienceDefinition("CTOs without a city", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, Condition.IsEmpty("city"));

        derived.Status.Should().Be(AudienceStatus.Active);
        derived.Visibility.Should().Be(AudienceVisibility.Workspace);
        derived.GetFilter().ToString().Should().Be("title = \"CTO\" and city is empty");
        (await Audiences.ListMembersAsync(derived.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(2);
    }

    [Fact]
    public async Task DeriveAsync_DefinitionOfAnotherKind_ThrowsNamingBothKindsAndCreatesNothing()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")));
        await _fx.CompaniesAsync(Company("9", ("domain", "acme.com"), ("industry", "Retail")));
        var parent = await Audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana"), "title = \"CTO\"");
        var companies = new AudienceDefinition("Retail", EntityKind.Company, "ana");

        var fromText = () => Audiences.DeriveAsync(parent.Id, companies, "industry = \"Retail\"");
        var fromTree = () => Audiences.DeriveAsync(parent.Id, companies, Condition.IsEmpty("industry"));

        var error = (await fromText.Should().ThrowAsync<ArgumentException>()).Which;
        error.ParamName.Should().Be("definition");
        error.Message.Should().StartWith(
            $"Audience {parent.Id} 'CTOs' selects person profiles, so an audience derived from it selects person profiles too, but the definition is for company profiles.");
        await fromTree.Should().ThrowAsync<ArgumentException>();
        (await Audiences.ListAsync()).Select(s => s.Audience.Id).Should().Equal(parent.Id);
    }

    [Fact]
    public async Task DeriveAsync_DefinitionErrors_AreThoseOfCreate()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")));
        var parent = await Audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana"), "title = \"CTO\"");

        await ((Func<Task>)(() => Audiences.DeriveAsync(parent.Id, (AudienceDefinition)null!, "city = \"Leeds\""))).Should().ThrowAsync<ArgumentNullException>();
        await ((Func<Task>)(() => Audiences.DeriveAsync(parent.Id, new AudienceDefinition("d", EntityKind.Person, "ana"), (string)null!))).Should().ThrowAsync<ArgumentNullException>();
        await ((Func<Task>)(() => Audiences.DeriveAsync(parent.Id, new AudienceDefinition(" ", EntityKind.Person, "ana"), "city = \"Leeds\""))).Should().ThrowAsync<ArgumentException>();
        await ((Func<Task>)(() => Audiences.DeriveAsync(parent.Id, new AudienceDefinition("d", EntityKind.Person, ""), "city = \"Leeds\""))).Should().ThrowAsync<ArgumentException>();
        await ((Func<Task>)(() => Audiences.DeriveAsync(parent.Id, new AudienceDefinition("ctos", EntityKind.Person, "bo"), "title is not empty")))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("*'CTOs' already exists*");
        var syntax = (await ((Func<Task>)(() => Audiences.DeriveAsync(parent.Id, new AudienceDefinition("d", EntityKind.Person, "ana"), "cty = \"Leeds\"")))
            .Should().ThrowAsync<FilterBindingException>()).Which;
        syntax.Position!.Value.Offset.Should().Be(0, "the position is within the condition text");
        (await Audiences.ListAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task DeriveAsync_InvalidCondition_ThrowsWithPositionInTheConditionText()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")));
        var parent = await Audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana"), "title = \"CTO\"");

        var act = () => Audiences.DeriveAsync(parent.Id, "d", "ana", "cty = \"Leeds\"");

        (await act.Should().ThrowAsync<FilterBindingException>()).Which.Position!.Value.Offset.Should().Be(0);
    }

    [Fact]
    public async Task ChangeCriteriaAsync_RecordsEntriesAndExits()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")), Person("2", ("email", "b@example.com"), ("title", "CEO")));
        var audience = await Audiences.CreateAsync(new AudienceDefinition("Leaders", EntityKind.Person, "ana"), "title = \"CTO\"");

        var changed = await Audiences.ChangeCriteriaAsync(audience.Id, "title = \"CEO\"");

        changed.Revision.Should().Be(2);
        (await Audiences.ListMembersAsync(audience.Id)).Profiles.Select(p => p.Id.Value).Should().Equal(2);
        (await Audiences.ReadChangesAsync(1)).Select(c => (c.ProfileId.Value, c.Kind)).Should().Equal((2L, MembershipChangeKind.Entered), (1L, MembershipChangeKind.Exited));
    }

    [Fact]
    public async Task ExplainAsync_MemberAndNonMember_ShowEachConditionsOutcome()
    {
        await _fx.PeopleAsync(
            Person("1", ("email", "a@example.com"), ("title", "CTO"), ("employees", 40)),
            Person("2", ("email", "b@example.com"), ("title", "CTO"), ("employees", 900)));
        var audience = await Audiences.CreateAsync(new AudienceDefinition("Small CTOs", EntityKind.Person, "ana"), "title = \"CTO\" and employees < 500");

        var member = await Audiences.ExplainAsync(audience.Id, new ProfileId(1));
        var outsider = await Audiences.ExplainAsync(audience.Id, new ProfileId(2));

        member.Matches.Should().BeTrue();
        member.State.Should().Be(MemberState.Active);
        member.Failed.Should().BeEmpty();
        member.Held.Select(c => c.Text).Should().Equal("title = \"CTO\"", "employees < 500");
        outsider.Matches.Should().BeFalse();
        outsider.State.Should().BeNull();
        outsider.Held.Select(c => c.Text).Should().Equal("title = \"CTO\"");
        var failed = outsider.Failed.Should().ContainSingle().Which;
        failed.Text.Should().Be("employees < 500");
        failed.Actual.Should().Be(FieldValue.FromNumber(900));
    }

    [Fact]
    public async Task ExplainAsync_ProfileOfAnotherKind_Throws()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")));
        await _fx.CompaniesAsync(Company("9", ("domain", "acme.com"), ("industry", "Retail")));
        var audience = await Audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana"), "title = \"CTO\"");

        (await ((Func<Task>)(() => Audiences.ExplainAsync(audience.Id, new ProfileId(2)))).Should().ThrowAsync<ArgumentException>())
            .Which.Message.Should().StartWith($"Profile 2 is a company and audience {audience.Id} selects person profiles;");
        await ((Func<Task>)(() => Audiences.ExplainAsync(audience.Id, new ProfileId(99)))).Should().ThrowAsync<KeyNotFoundException>();
    }

    [Fact]
    public async Task GetRecordAsync_ListsFilledFieldsWithSourcesAndEmptyFields()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")), Person("2", ("email", "b@example.com"), ("title", "CTO"), ("city", "Leeds")));
        var audience = await Audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana"), "title = \"CTO\"");

        var record = await Audiences.GetRecordAsync(audience.Id);

        record!.Profile.Id.Should().Be(new ProfileId(1));
        record.Filled.Select(f => f.Field.Key).Should().Equal("email", "title");
        record.Filled[1].Value.Should().Be(FieldValue.FromText("CTO"));
        record.Filled[1].Source.Should().Be(new SourceRecordKey("crm", "contacts", "1"));
        record.Filled[1].SourceKind.Should().Be(SourceKind.Crm);
        record.Empty.Select(f => f.Key).Should().Contain("city");
    }

    [Fact]
    public async Task ArchiveAsync_ProfileNotAMember_ThrowsAndChangesNothing()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")), Person("2", ("email", "b@example.com"), ("title", "CEO")));
        var audience = await Audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana"), "title = \"CTO\"");

        var act = () => Audiences.ArchiveAsync(audience.Id, [new ProfileId(1), new ProfileId(2)]);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Profile 2 is not a member*");
        (await Audiences.CountAsync(audience.Id)).Should().Be(1);
    }

    [Fact]
    public async Task RefreshMembershipAsync_CompanyChange_ReevaluatesAudiencesReadingCompanyFields()
    {
        await _fx.CompaniesAsync(Company("9", ("domain", "acme.com"), ("industry", "Retail")));
        await _fx.PeopleAsync(Person("1", ("email", "ada@acme.com"), ("title", "CTO")));
        var audience = await Audiences.CreateAsync(new AudienceDefinition("Retail CTOs", EntityKind.Person, "ana"), "company.industry = \"Retail\"");
        await Audiences.RefreshMembershipAsync();
        (await Audiences.CountAsync(audience.Id)).Should().Be(1);

        await _fx.CompaniesAsync(Company("9", ("domain", "acme.com"), ("industry", "Banking")));
        var refresh = await Audiences.RefreshMembershipAsync();

        refresh.FullEvaluations.Should().Be(1);
        refresh.Exited.Should().Be(1);
        (await Audiences.CountAsync(audience.Id)).Should().Be(0);
    }

    [Fact]
    public async Task RefreshMembershipAsync_OnePercentChanged_EvaluatesOnlyTheChangedProfiles()
    {
        const int people = 2_000;
        await _fx.PeopleAsync([.. Enumerable.Range(1, people).Select(i => Person($"{i}", ("email", $"p{i}@example.com"), ("score", i % 100)))]);
        var high = await Audiences.CreateAsync(new AudienceDefinition("High", EntityKind.Person, "ana"), "score >= 50");
        await Audiences.CreateAsync(new AudienceDefinition("Low", EntityKind.Person, "ana"), "score < 50");
        await Audiences.CreateAsync(new AudienceDefinition("Top", EntityKind.Person, "ana"), "score >= 90");
        await Audiences.RefreshMembershipAsync();
        var before = await Audiences.CountAsync(high.Id);

        // 1% of the people move from a low score to a high one.
        await _fx.PeopleAsync([.. Enumerable.Range(1, people / 100).Select(i => Person($"{i * 100}", ("email", $"p{i * 100}@example.com"), ("score", 99)))]);
        var refresh = await Audiences.RefreshMembershipAsync();

        refresh.ProfilesRead.Should().Be(people / 100);
        refresh.Evaluations.Should().Be(3 * people / 100, "each changed profile is evaluated once per audience, and nothing else");
        refresh.FullEvaluations.Should().Be(0);
        (await Audiences.CountAsync(high.Id)).Should().Be(before + people / 100);
    }

    [Fact]
    public async Task RefreshMembershipAsync_RelativeDates_UseTheServiceClock()
    {
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CTO")));
        var audience = await Audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana"), "title = \"CTO\"");
        _fx.Clock.Advance(TimeSpan.FromHours(2));
        await _fx.PeopleAsync(Person("1", ("email", "a@example.com"), ("title", "CEO")));

        await Audiences.RefreshMembershipAsync();

        var exit = (await Audiences.ReadChangesAsync(0))[^1];
        exit.Kind.Should().Be(MembershipChangeKind.Exited);
        exit.At.Should().Be(_fx.Clock.GetUtcNow());
        (await Audiences.CountAsync(audience.Id)).Should().Be(0);
    }
}
