using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IEnrichmentDefinitionStore"/> contract: a definition is kept whole under its name, found and
/// replaced by that name whatever its case, listed by name, removed on request, kept across a restart, and refused
/// when it could not be read back.
/// </summary>
public abstract class EnrichmentDefinitionStoreSpecification : StoreSpecification
{
    /// <summary>Every part of a definition reads back as saved, by its name in any case, also after a restart.</summary>
    [Fact]
    public virtual async Task A_saved_definition_reads_back_whole_by_name_in_any_case()
    {
        var store = NewStore();
        var emails = WorkEmails();
        var companies = CompanySizes();
        await store.EnrichmentDefinitions.SaveAsync(emails);
        await store.EnrichmentDefinitions.SaveAsync(companies);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.EnrichmentDefinitions.GetAsync("work-emails")).Should().BeEquivalentTo(emails);
            (await workspace.EnrichmentDefinitions.GetAsync("WORK-Emails")).Should().BeEquivalentTo(emails);
            (await workspace.EnrichmentDefinitions.GetAsync("company-sizes")).Should().BeEquivalentTo(companies);
        }
    }

    /// <summary>The schedule presets read back as themselves: daily, and monthly on the first at midnight.</summary>
    [Fact]
    public virtual async Task The_schedule_presets_read_back()
    {
        var store = NewStore();
        await store.EnrichmentDefinitions.SaveAsync(CompanySizes() with { Name = "daily", Schedule = EnrichmentSchedule.Daily });
        await store.EnrichmentDefinitions.SaveAsync(CompanySizes() with { Name = "monthly", Schedule = EnrichmentSchedule.Monthly });

        var workspace = Reopen(store);
        (await workspace.EnrichmentDefinitions.GetAsync("daily"))!.Schedule.Should().Be(EnrichmentSchedule.Daily);
        (await workspace.EnrichmentDefinitions.GetAsync("monthly"))!.Schedule.Should().Be(new EnrichmentSchedule(Cron: "0 0 1 * *"));
    }

    /// <summary>A name that was never saved reads as null, and a new store lists no definitions.</summary>
    [Fact]
    public virtual async Task An_unknown_name_reads_as_null()
    {
        var store = NewStore();

        (await store.EnrichmentDefinitions.GetAsync("missing")).Should().BeNull();
        (await store.EnrichmentDefinitions.ListAsync()).Should().BeEmpty();
    }

    /// <summary>Saving a name again, in any case, replaces the definition: one definition remains, the last one saved, under its own spelling.</summary>
    [Fact]
    public virtual async Task Saving_a_name_again_in_any_case_replaces_the_definition()
    {
        var store = NewStore();
        await store.EnrichmentDefinitions.SaveAsync(WorkEmails());
        var renamed = WorkEmails() with { Name = "Work-Emails", Providers = ["other"], Schedule = null, Continuous = false };

        await store.EnrichmentDefinitions.SaveAsync(renamed);

        (await store.EnrichmentDefinitions.ListAsync()).Should().BeEquivalentTo([renamed]);
        (await Reopen(store).EnrichmentDefinitions.GetAsync("work-emails")).Should().BeEquivalentTo(renamed);
    }

    /// <summary>Every definition is listed, ordered by name whatever its case.</summary>
    [Fact]
    public virtual async Task Definitions_are_listed_by_name()
    {
        var store = NewStore();
        foreach (var name in new[] { "gamma", "Alpha", "beta" })
        {
            await store.EnrichmentDefinitions.SaveAsync(WorkEmails() with { Name = name });
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.EnrichmentDefinitions.ListAsync()).Select(d => d.Name).Should().Equal("Alpha", "beta", "gamma");
        }
    }

    /// <summary>Removing a definition, by its name in any case, says whether there was one; it is gone, and the others stay.</summary>
    [Fact]
    public virtual async Task Removing_a_definition_says_whether_there_was_one()
    {
        var store = NewStore();
        await store.EnrichmentDefinitions.SaveAsync(WorkEmails());
        await store.EnrichmentDefinitions.SaveAsync(CompanySizes());

        (await store.EnrichmentDefinitions.RemoveAsync("WORK-EMAILS")).Should().BeTrue();
        (await store.EnrichmentDefinitions.RemoveAsync("work-emails")).Should().BeFalse();

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.EnrichmentDefinitions.GetAsync("work-emails")).Should().BeNull();
            (await workspace.EnrichmentDefinitions.ListAsync()).Select(d => d.Name).Should().Equal("company-sizes");
        }
    }

    /// <summary>
    /// A definition whose JSON would not read back — no name, no provider, a blank provider, no audience, a mapping
    /// without a field — is refused with <see cref="ArgumentException"/>, and nothing is stored: a store never keeps a
    /// definition it could not return.
    /// </summary>
    [Fact]
    public virtual async Task A_definition_that_would_not_read_back_is_refused()
    {
        var store = NewStore();
        var unreadable = new[]
        {
            WorkEmails() with { Name = "" },
            WorkEmails() with { Providers = [] },
            WorkEmails() with { Providers = [" "] },
            WorkEmails() with { Audiences = [] },
            WorkEmails() with { Mappings = [new EnrichmentMapping("work_email", "")] },
        };

        foreach (var definition in unreadable)
        {
            await FluentActions.Awaiting(async () => await store.EnrichmentDefinitions.SaveAsync(definition))
                .Should().ThrowAsync<ArgumentException>().WithMessage("*cannot be stored*");
        }

        (await Reopen(store).EnrichmentDefinitions.ListAsync()).Should().BeEmpty();
    }

    /// <summary>A null definition or name is refused with <see cref="ArgumentNullException"/>.</summary>
    [Fact]
    public virtual async Task Null_arguments_are_refused()
    {
        var store = NewStore();

        await FluentActions.Awaiting(async () => await store.EnrichmentDefinitions.SaveAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.EnrichmentDefinitions.GetAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.EnrichmentDefinitions.RemoveAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
    }

    /// <summary>A definition with every optional part set: a waterfall of providers, several audiences, mappings, an action, a gate, a schedule.</summary>
    protected static EnrichmentDefinition WorkEmails() =>
        new("work-emails", EntityKind.Person, ["sample-work-email", "backup-é"], [3, 1_000_000_000_007])
        {
            Mappings = [new EnrichmentMapping("work_email", "email"), new EnrichmentMapping("confidence", "email_confidence")],
            Action = "send-welcome",
            Gate = "email_confidence > 0.8",
            Schedule = new EnrichmentSchedule(TimeSpan.FromHours(6), "0 */6 * * *"),
            Continuous = true,
        };

    /// <summary>An action-only definition of companies, with the defaults elsewhere.</summary>
    protected static EnrichmentDefinition CompanySizes() =>
        new("company-sizes", EntityKind.Company, ["sample-company"], [7]) { Action = "notify-sales" };
}
