using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IExportDefinitionStore"/> contract: a definition is kept whole under its name, found and replaced
/// by that name whatever its case, listed by name, removed on request (its runs, checkpoint and outcomes stay), kept
/// across a restart, and refused when it could not be read back.
/// </summary>
public abstract class ExportDefinitionStoreSpecification : StoreSpecification
{
    /// <summary>
    /// Every part of a definition — kind, destination and its settings, audience, mappings with their rules,
    /// membership with values of every type, key, key source, switches, interval, attempts — reads back as saved, by
    /// its name in any case, also after a restart.
    /// </summary>
    [Fact]
    public virtual async Task A_saved_definition_reads_back_whole_by_name_in_any_case()
    {
        var store = NewStore();
        var accounts = Accounts();
        var contacts = Contacts();
        await store.ExportDefinitions.SaveAsync(accounts);
        await store.ExportDefinitions.SaveAsync(contacts);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportDefinitions.GetAsync("accounts-to-crm")).Should().BeEquivalentTo(accounts);
            (await workspace.ExportDefinitions.GetAsync("ACCOUNTS-to-CRM")).Should().BeEquivalentTo(accounts);
            (await workspace.ExportDefinitions.GetAsync("contacts")).Should().BeEquivalentTo(contacts);
            var read = (await workspace.ExportDefinitions.GetAsync("accounts-to-crm"))!;
            read.Destination.Values.Should().Equal(accounts.Destination.Values);
            read.Mappings.Should().Equal(accounts.Mappings);
            read.Membership.Select(m => (m.ValueIn, m.ValueOut)).Should().Equal(accounts.Membership.Select(m => (m.ValueIn, m.ValueOut)));
            read.Membership.Select(m => m.ValueIn.Type).Should().Equal(FieldType.Text, FieldType.Number, FieldType.Boolean, FieldType.DateTime, FieldType.TextList);
            read.Every.Should().Be(accounts.Every);
            read.MaxAttempts.Should().Be(9);
        }
    }

    /// <summary>The defaults read back as themselves: every profile of the kind, no mappings, keyed by email, updates only, daily, five attempts.</summary>
    [Fact]
    public virtual async Task The_defaults_read_back()
    {
        var store = NewStore();
        await store.ExportDefinitions.SaveAsync(Contacts());

        var read = (await Reopen(store).ExportDefinitions.GetAsync("CONTACTS"))!;
        read.Audience.Should().BeNull();
        read.Mappings.Should().BeEmpty();
        read.Membership.Should().BeEmpty();
        read.KeyField.Should().Be("email");
        read.KeySource.Should().BeNull();
        read.CreateNew.Should().BeFalse();
        read.RemoveOnExit.Should().BeFalse();
        read.Every.Should().Be(TimeSpan.FromHours(24));
        read.MaxAttempts.Should().Be(5);
    }

    /// <summary>An export run only by hand (no interval) reads back without one, not with the default.</summary>
    [Fact]
    public virtual async Task An_export_run_only_by_hand_reads_back_without_an_interval()
    {
        var store = NewStore();
        await store.ExportDefinitions.SaveAsync(Contacts() with { Every = null });

        (await Reopen(store).ExportDefinitions.GetAsync("contacts"))!.Every.Should().BeNull();
    }

    /// <summary>A name that was never saved reads as null, and a new store lists no definitions.</summary>
    [Fact]
    public virtual async Task An_unknown_name_reads_as_null()
    {
        var store = NewStore();

        (await store.ExportDefinitions.GetAsync("missing")).Should().BeNull();
        (await store.ExportDefinitions.ListAsync()).Should().BeEmpty();
    }

    /// <summary>Saving a name again, in any case, replaces the definition: one definition remains, the last one saved, under its own spelling.</summary>
    [Fact]
    public virtual async Task Saving_a_name_again_in_any_case_replaces_the_definition()
    {
        var store = NewStore();
        await store.ExportDefinitions.SaveAsync(Accounts());
        var renamed = Contacts() with { Name = "Accounts-To-CRM", Kind = EntityKind.Company, Every = null, CreateNew = true };

        await store.ExportDefinitions.SaveAsync(renamed);

        (await store.ExportDefinitions.ListAsync()).Should().BeEquivalentTo([renamed]);
        (await Reopen(store).ExportDefinitions.GetAsync("accounts-to-crm")).Should().BeEquivalentTo(renamed);
        (await Reopen(store).ExportDefinitions.ListAsync()).Select(d => d.Name).Should().Equal("Accounts-To-CRM");
    }

    /// <summary>Every definition is listed, ordered by name whatever its case.</summary>
    [Fact]
    public virtual async Task Definitions_are_listed_by_name()
    {
        var store = NewStore();
        foreach (var name in new[] { "gamma", "Alpha", "beta" })
        {
            await store.ExportDefinitions.SaveAsync(Contacts() with { Name = name });
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportDefinitions.ListAsync()).Select(d => d.Name).Should().Equal("Alpha", "beta", "gamma");
        }
    }

    /// <summary>Removing a definition, by its name in any case, says whether there was one; it is gone, and the others stay.</summary>
    [Fact]
    public virtual async Task Removing_a_definition_says_whether_there_was_one()
    {
        var store = NewStore();
        await store.ExportDefinitions.SaveAsync(Accounts());
        await store.ExportDefinitions.SaveAsync(Contacts());

        (await store.ExportDefinitions.RemoveAsync("ACCOUNTS-TO-CRM")).Should().BeTrue();
        (await store.ExportDefinitions.RemoveAsync("accounts-to-crm")).Should().BeFalse();
        (await store.ExportDefinitions.RemoveAsync("missing")).Should().BeFalse();

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.ExportDefinitions.GetAsync("accounts-to-crm")).Should().BeNull();
            (await workspace.ExportDefinitions.ListAsync()).Select(d => d.Name).Should().Equal("contacts");
        }
    }

    /// <summary>Removing a definition leaves its runs, checkpoint, outcomes and failures: they are kept by the export's name.</summary>
    [Fact]
    public virtual async Task Removing_a_definition_leaves_its_history()
    {
        var store = NewStore();
        await store.ExportDefinitions.SaveAsync(Contacts());
        var run = (await store.ExportRuns.TryStartRunAsync(new ExportRun(0, "contacts", ExportTrigger.Manual, Clock.GetUtcNow()), DateTimeOffset.MinValue))!;
        var checkpoint = new ExportCheckpoint("contacts", 12, 3, "fp", run.StartedAt);
        await store.ExportRuns.SaveCheckpointAsync(checkpoint);
        var failed = new ExportOutcome(new ProfileId(1), "a@x.io", ExportOutcomeKind.Failed) { Reason = "refused" };
        await store.ExportOutcomes.RecordAsync("contacts", run.Id, [failed], run.StartedAt);

        (await store.ExportDefinitions.RemoveAsync("contacts")).Should().BeTrue();

        var workspace = Reopen(store);
        (await workspace.ExportRuns.ListRunsAsync("contacts", 10)).Should().BeEquivalentTo([run]);
        (await workspace.ExportRuns.GetCheckpointAsync("contacts")).Should().Be(checkpoint);
        (await workspace.ExportOutcomes.ListOutcomesAsync("contacts", run.Id).ToListAsync()).Should().BeEquivalentTo([failed]);
        (await workspace.ExportOutcomes.ListFailuresAsync("contacts")).Should().ContainSingle().Which.Reason.Should().Be("refused");
    }

    /// <summary>
    /// A definition whose JSON would not read back — no name, a destination without a type, a setting without a
    /// value, a rule that does not exist — is refused with <see cref="ArgumentException"/>, and nothing is stored: a
    /// store never keeps a definition it could not return.
    /// </summary>
    [Fact]
    public virtual async Task A_definition_that_would_not_read_back_is_refused()
    {
        var store = NewStore();
        var unreadable = new[]
        {
            Contacts() with { Name = "" },
            Contacts() with { Destination = new DestinationSettings("", new Dictionary<string, string>()) },
            Contacts() with { Destination = new DestinationSettings("csv", new Dictionary<string, string> { ["path"] = null! }) },
            Contacts() with { Mappings = [new ExportMapping("email", "Email") { Rule = (WriteRule)9 }] },
        };

        foreach (var definition in unreadable)
        {
            await FluentActions.Awaiting(async () => await store.ExportDefinitions.SaveAsync(definition))
                .Should().ThrowAsync<ArgumentException>().WithMessage("*cannot be stored*");
        }

        (await Reopen(store).ExportDefinitions.ListAsync()).Should().BeEmpty();
    }

    /// <summary>A null definition or name is refused with <see cref="ArgumentNullException"/>.</summary>
    [Fact]
    public virtual async Task Null_arguments_are_refused()
    {
        var store = NewStore();

        await FluentActions.Awaiting(async () => await store.ExportDefinitions.SaveAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.ExportDefinitions.GetAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.ExportDefinitions.RemoveAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
    }

    /// <summary>
    /// A definition with every optional part set: an audience, mappings under each rule, membership with values of
    /// every type, a key from a source, creating and removing on, an interval to the tick, nine attempts.
    /// </summary>
    protected static ExportDefinition Accounts() =>
        new(
            "accounts-to-crm",
            EntityKind.Company,
            new DestinationSettings("warehouse", new Dictionary<string, string>
            {
                ["table"] = "crm.accounts",
                ["connection"] = "Host=db;Password=\"pä;ss\"",
                ["note"] = new string('n', 5_000) + " — ü",
            }))
        {
            Audience = 1_000_000_000_007,
            Mappings =
            [
                new ExportMapping("name", "AccountName") { Rule = WriteRule.Always },
                new ExportMapping("industry", "Industry") { Rule = WriteRule.IfEmpty },
                new ExportMapping("employees", "Size"),
            ],
            Membership =
            [
                new MembershipMapping(4, "Status", FieldValue.FromText("Target")) { ValueOut = FieldValue.FromText("Former") },
                new MembershipMapping(5, "Score", FieldValue.FromNumber(0.1 + 0.2)) { ValueOut = FieldValue.FromNumber(-1.5e300) },
                new MembershipMapping(6, "Flag", FieldValue.FromBoolean(true)) { ValueOut = FieldValue.FromBoolean(false) },
                new MembershipMapping(7, "Since", FieldValue.FromDateTime(new DateTimeOffset(2026, 1, 15, 4, 0, 0, TimeSpan.FromHours(-5)).AddTicks(1_234_567))),
                new MembershipMapping(8, "Tags", FieldValue.FromList(["a", "b; c", "ü"])) { ValueOut = FieldValue.FromList(["gone"]) },
            ],
            KeyField = "crm_id",
            KeySource = "hubspot",
            CreateNew = true,
            RemoveOnExit = true,
            Every = TimeSpan.FromMinutes(90) + TimeSpan.FromTicks(3),
            MaxAttempts = 9,
        };

    /// <summary>A definition of people, with the defaults elsewhere.</summary>
    protected static ExportDefinition Contacts() =>
        new("contacts", EntityKind.Person, new DestinationSettings("csv", new Dictionary<string, string> { ["path"] = "contacts.csv" }));
}
