using Audiences.Sdk.Credits;
using Audiences.Sdk.DataHub;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Tests.DataHub;

/// <summary>The Data Hub's figures over <see cref="DataHubFixture"/>'s hand-counted data set.</summary>
public sealed class DataHubServiceTests : IDisposable
{
    private readonly DataHubFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task GetOverviewAsync_CountsRecordsFieldsEnrichmentsAndSignals()
    {
        await _fx.BuildAsync();
        _fx.Signals.Definitions.Add(JobChange());

        var overview = await _fx.Hub.GetOverviewAsync();

        overview.Should().Be(new DataHubOverview(People: 5, Companies: 2, PersonFields: 5, CompanyFields: 3, Enrichments: 2, Signals: 1));
        overview.Records.Should().Be(7);
        overview.Fields.Should().Be(8);
    }

    [Fact]
    public async Task GetOverviewAsync_OnAnEmptyStore_CountsNothing()
    {
        var overview = await _fx.Hub.GetOverviewAsync();

        overview.Should().Be(new DataHubOverview(0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task ListFieldsAsync_People_GivesFillCountsRatesSourcesAndTheEnrichmentsWritingEachField()
    {
        await _fx.BuildAsync();

        var fields = await _fx.Hub.ListFieldsAsync(EntityKind.Person);

        fields.Select(f => (f.Key, f.FilledCount, f.RecordCount, f.Source)).Should().Equal(
            ("company_domain", 4L, 5L, "crm"),
            ("email", 5L, 5L, "crm"),
            ("first_name", 5L, 5L, "crm"),
            ("title", 3L, 5L, "crm"),
            ("work_email", 4L, 5L, "enrichment"));
        fields.Select(f => f.FillRate).Should().Equal(0.8, 1.0, 1.0, 0.6, 0.8);
        fields.Single(f => f.Key == "work_email").Enrichments.Should().Equal("cto-emails", "emails");
        fields.Where(f => f.Key != "work_email").Should().OnlyContain(f => f.Enrichments.Count == 0 && f.Signals.Count == 0);
        fields.Should().OnlyContain(f => f.Definition.CostPerRecord == null && f.Definition.ExportStatus == FieldExportStatus.NotExported);
        fields.Single(f => f.Key == "title").Definition.Type.Should().Be(FieldType.Text);
    }

    [Fact]
    public async Task ListFieldsAsync_Companies_CountsOnlyCompanies_AndNoPersonEnrichmentWritesThem()
    {
        await _fx.BuildAsync();

        var fields = await _fx.Hub.ListFieldsAsync(EntityKind.Company);

        fields.Select(f => (f.Key, f.FilledCount, f.RecordCount, f.Source, f.Definition.Type)).Should().Equal(
            ("domain", 2L, 2L, "registry", FieldType.Text),
            ("employees", 1L, 2L, "registry", FieldType.Number),
            ("name", 2L, 2L, "registry", FieldType.Text));
        fields.Select(f => f.FillRate).Should().Equal(1.0, 0.5, 1.0);
        fields.Should().OnlyContain(f => f.Enrichments.Count == 0);
    }

    [Fact]
    public async Task ListEnrichmentsAsync_GivesSpendAgainstCap_LastRun_AudienceNames_AndFields()
    {
        await _fx.BuildAsync();

        var enrichments = await _fx.Hub.ListEnrichmentsAsync();

        enrichments.Select(e => e.Name).Should().Equal("cto-emails", "emails");
        var cto = enrichments[0];
        cto.Budget.Should().Be(new CreditBudget("enrichment:cto-emails", 1, 1, 0));
        cto.LastRun!.Status.Should().Be(EnrichmentRunStatus.BudgetReached);
        cto.LastRun.StartedAt.Should().Be(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        cto.Audiences.Should().Equal(new DataHubAudience(_fx.Ctos, "CTOs"));
        cto.Fields.Should().Equal("work_email");
        var emails = enrichments[1];
        emails.Budget.Should().Be(new CreditBudget("enrichment:emails", 10, 4, 0), "Ada, Bob, Cy and Eve have a domain; Dee has none and is not bought");
        emails.LastRun!.Status.Should().Be(EnrichmentRunStatus.Completed);
        emails.LastRun.StartedAt.Should().Be(new DateTimeOffset(2026, 3, 2, 8, 5, 0, TimeSpan.Zero));
        emails.Audiences.Should().Equal(new DataHubAudience(_fx.Everyone, "Everyone"));
    }

    [Fact]
    public async Task ListEnrichmentsAsync_NeverRun_HasNoLastRunAndNoSpend()
    {
        await _fx.ImportAsync();
        var audience = await _fx.Workspace.Audiences.CreateAsync(new Audiences.Sdk.Segments.AudienceDefinition("VPs", EntityKind.Person, "ana"), "title = \"VP\"");
        await _fx.Enrichments.SaveAsync(new EnrichmentDefinition("idle", EntityKind.Person, ["finder"], [audience.Id])
        {
            Mappings = [new EnrichmentMapping("work_email", "work_email")],
        });

        var idle = (await _fx.Hub.ListEnrichmentsAsync()).Single();

        idle.LastRun.Should().BeNull();
        idle.Budget.Should().Be(new CreditBudget("enrichment:idle", null, 0, 0));
        idle.Audiences.Should().Equal(new DataHubAudience(audience.Id, "VPs"));
        idle.Fields.Should().Equal("work_email");
    }

    [Fact]
    public async Task ListSignalsAsync_GivesSpendLastRunAudiencesAndTheFieldsEverySignalWrites()
    {
        await _fx.BuildAsync();
        _fx.Signals.Definitions.Add(JobChange() with { Audiences = [_fx.Everyone, _fx.Ctos, 404] });
        _fx.Signals.Budgets["job-change"] = new CreditBudget("signal:job-change", 20, 3, 1);
        var finished = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        _fx.Signals.Runs["job-change"] =
        [
            new SignalRun(2, "job-change", SignalTrigger.Manual, finished.AddMinutes(-1)) { Status = SignalRunStatus.Failed, FinishedAt = finished },
            new SignalRun(1, "job-change", SignalTrigger.Manual, finished.AddHours(-1)) { Status = SignalRunStatus.Completed, FinishedAt = finished.AddHours(-1) },
        ];

        var signal = (await _fx.Hub.ListSignalsAsync()).Single();

        signal.Name.Should().Be("job-change");
        signal.Budget.Should().Be(new CreditBudget("signal:job-change", 20, 3, 1));
        signal.LastRun!.Id.Should().Be(2);
        signal.LastRun.Status.Should().Be(SignalRunStatus.Failed);
        signal.Audiences.Should().Equal(
            new DataHubAudience(_fx.Everyone, "Everyone"), new DataHubAudience(_fx.Ctos, "CTOs"), new DataHubAudience(404, null));
        signal.Fields.Should().Equal("signal_job_change", "signal_job_change_details", SignalFields.Summary);
    }

    [Fact]
    public async Task ListFieldsAsync_NamesTheSignalsWritingAField_IncludingTheSharedSummary()
    {
        await _fx.BuildAsync();
        _fx.Signals.Definitions.Add(JobChange());
        _fx.Signals.Definitions.Add(JobChange("funding") with { Kind = EntityKind.Company });
        await _fx.Workspace.Service.UpsertAsync(
            [new SourceRecord(new SourceRecordKey("signals", "job-change", "1"), EntityKind.Person, SourceKind.Enrichment, new Dictionary<string, FieldValue>
            {
                ["email"] = FieldValue.FromText("ada@home.example"),
                ["signal_job_change"] = FieldValue.FromBoolean(true),
                [SignalFields.Summary] = FieldValue.FromText("Ada changed jobs"),
            })],
            new Audiences.Sdk.Import.ImportOptions(EntityKind.Person));

        var fields = await _fx.Hub.ListFieldsAsync(EntityKind.Person);

        fields.Single(f => f.Key == "signal_job_change").Should().Match<DataHubField>(f =>
            f.FilledCount == 1 && f.RecordCount == 5 && f.Source == "signals" && f.Signals.SequenceEqual(new[] { "job-change" }));
        fields.Single(f => f.Key == SignalFields.Summary).Signals.Should().Equal("job-change");
        fields.Single(f => f.Key == "work_email").Signals.Should().BeEmpty();
    }

    [Fact]
    public async Task ListSignalsAsync_WithoutASignalService_IsEmpty()
    {
        using var fx = new DataHubFixture(withSignals: false);
        await fx.BuildAsync();

        (await fx.Hub.ListSignalsAsync()).Should().BeEmpty();
        (await fx.Hub.GetOverviewAsync()).Signals.Should().Be(0);
    }

    private SignalDefinition JobChange(string name = "job-change") =>
        new(name, EntityKind.Person, SignalType.JobChange, "sample-job-change", [_fx.Everyone, _fx.Ctos]);
}
