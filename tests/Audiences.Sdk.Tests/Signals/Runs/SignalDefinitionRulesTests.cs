using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Tests.Signals.Runs;

/// <summary>What a signal definition must be to be saved; a refused one leaves nothing behind.</summary>
public sealed class SignalDefinitionRulesTests : IAsyncLifetime, IDisposable
{
    private readonly SignalFixture _fx = new(b => b
        .AddSignalProvider(new TitleChangeProvider("funding-watch") { Type = SignalType.Funding })
        .AddSignalProvider(new TitleChangeProvider("company-moves") { Kind = EntityKind.Company }));

    public Task InitializeAsync() => _fx.PersonAsync("Ada");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _fx.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("9lives")]
    [InlineData("job moves")]
    [InlineData("jobs.moves")]
    [InlineData("summary")]
    [InlineData("a-name-of-forty-one-characters-is-too-lon")]
    public async Task ANameThatCannotNameAField_IsRefused(string name)
    {
        var everyone = await _fx.EveryoneAsync();

        await RefusedAsync(SignalFixture.JobMoves(everyone) with { Name = name }, $"'{name}' cannot name a signal*");
    }

    [Fact]
    public async Task AnUnknownProvider_IsRefused_NamingThoseRegistered()
    {
        var everyone = await _fx.EveryoneAsync();

        await RefusedAsync(
            SignalFixture.JobMoves(everyone) with { Provider = "nobody" },
            "No signal provider is named 'nobody' (registered: company-moves, funding-watch, titles)*AddSignalProvider*");
    }

    [Fact]
    public async Task AProviderOfAnotherKindOrType_IsRefused()
    {
        var everyone = await _fx.EveryoneAsync();

        await RefusedAsync(
            SignalFixture.JobMoves(everyone) with { Provider = "company-moves" },
            "Signal 'job-moves' is for person profiles, but 'company-moves' watches company profiles.");
        await RefusedAsync(
            SignalFixture.JobMoves(everyone) with { Provider = "funding-watch" },
            "Signal 'job-moves' watches for job-change events, but 'funding-watch' detects funding events.");
    }

    [Fact]
    public async Task AnAudienceThatIsMissingOrHoldsAnotherKind_IsRefused()
    {
        await UpsertAsync(EntityKind.Company, "acme", ("domain", "acme.com"), ("name", "Acme"));
        var companies = await _fx.Audiences.CreateAsync(new AudienceDefinition("Accounts", EntityKind.Company, "ana"), "name is not empty");

        await RefusedAsync(SignalFixture.JobMoves(404), "Signal 'job-moves' watches audience 404, which does not exist.*");
        await RefusedAsync(
            SignalFixture.JobMoves(companies.Id),
            $"Signal 'job-moves' is for person profiles, but audience {companies.Id} 'Accounts' holds company profiles.");
        await RefusedAsync(SignalFixture.JobMoves(), "Signal 'job-moves' watches no audience*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public async Task ANonPositiveInterval_IsRefused(int seconds)
    {
        var everyone = await _fx.EveryoneAsync();

        await RefusedAsync(SignalFixture.JobMoves(everyone) with { Every = TimeSpan.FromSeconds(seconds) }, "Signal 'job-moves' runs every *; give a positive interval*");
    }

    [Fact]
    public async Task AnUnknownLookBackOrABlankBudget_IsRefused()
    {
        var everyone = await _fx.EveryoneAsync();

        await RefusedAsync(SignalFixture.JobMoves(everyone) with { LookBack = (SignalLookBack)4 }, "Signal 'job-moves' looks back 4 months; choose 3, 6 or 12.");
        await RefusedAsync(SignalFixture.JobMoves(everyone) with { Budget = " " }, "Signal 'job-moves' names a blank budget*");
    }

    [Fact]
    public async Task ANameWritingTheFieldsOfAnotherSignal_IsRefused_WhileTheSameSignalCanBeSavedAgain()
    {
        var everyone = await _fx.EveryoneAsync();
        await _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone));

        await RefusedAsync(
            SignalFixture.JobMoves(everyone) with { Name = "job_moves" },
            "Signal 'job_moves' would write the field 'signal_job_moves', which signal 'job-moves' writes; choose another name.");
        var again = () => _fx.Signals.SaveAsync(SignalFixture.JobMoves(everyone) with { LookBack = SignalLookBack.SixMonths });
        await again.Should().NotThrowAsync();
    }

    [Fact]
    public async Task AFieldTheCatalogHoldsWithAnotherType_IsRefused()
    {
        var everyone = await _fx.EveryoneAsync();
        await UpsertAsync(EntityKind.Person, "x", ("email", "x@home.example"), ("signal_job_moves", "maybe"));

        await RefusedAsync(
            SignalFixture.JobMoves(everyone),
            "Signal 'job-moves' writes the field 'signal_job_moves' as DateTime, but the catalog holds it as Text; choose another name, or rename that field.");
    }

    private async Task RefusedAsync(SignalDefinition definition, string message)
    {
        var signalsBefore = await _fx.Signals.ListAsync();
        var audiencesBefore = (await _fx.Audiences.ListAsync()).Count;
        var fieldsBefore = (await _fx.Profiles.GetFieldsAsync(EntityKind.Person)).Count;

        var save = () => _fx.Signals.SaveAsync(definition);

        await save.Should().ThrowAsync<ArgumentException>().WithMessage(message);
        (await _fx.Signals.ListAsync()).Should().BeEquivalentTo(signalsBefore, "a refused definition is not stored");
        (await _fx.Audiences.ListAsync()).Should().HaveCount(audiencesBefore, "no companion is made for a refused definition");
        (await _fx.Profiles.GetFieldsAsync(EntityKind.Person)).Should().HaveCount(fieldsBefore, "no field is registered for a refused definition");
    }

    private async Task UpsertAsync(EntityKind kind, string id, params (string Field, string Value)[] values)
    {
        var result = await _fx.Profiles.UpsertAsync(
            [new SourceRecord(new SourceRecordKey("crm", "records", id), kind, SourceKind.Crm, values.ToDictionary(v => v.Field, v => FieldValue.FromText(v.Value)))],
            new ImportOptions(kind));
        result.Rejected.Should().Be(0);
    }
}
