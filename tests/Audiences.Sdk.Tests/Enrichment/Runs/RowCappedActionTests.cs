using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Enrichment.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Tests.Enrichment.Runs;

/// <summary>A record action that caps the rows it takes: warnings before and during runs, and at most the cap handed over.</summary>
public sealed class RowCappedActionTests : IDisposable
{
    private readonly CappedAction _action = new(3);
    private readonly ListLogger _log = new();
    private readonly EnrichmentFixture _fx;

    public RowCappedActionTests() =>
        _fx = new EnrichmentFixture(b =>
        {
            b.AddRecordAction(_action);
            b.Services.AddSingleton<ILogger<EnrichmentService>>(new TypedLogger(_log));
        });

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task CheckAsync_AudiencesLargerThanTheCap_WarnsNamingTheEnrichmentTheActionTheCapAndTheSize()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace", "Alan", "Edsger", "Barbara");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Action = "capped" });

        var warnings = await _fx.Enrichments.CheckAsync("emails");

        warnings.Should().ContainSingle().Which.Should().Match("*'emails'*5 records*3 rows*'capped'*");
    }

    [Fact]
    public async Task CheckAsync_WithinTheCap_OrWithoutACap_HasNoWarnings()
    {
        var three = await _fx.PeopleAsync("Ada", "Grace", "Alan");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(three) with { Action = "capped" });
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(three) with { Name = "plain" });

        (await _fx.Enrichments.CheckAsync("emails")).Should().BeEmpty("three members fit a cap of three");
        (await _fx.Enrichments.CheckAsync("plain")).Should().BeEmpty("it has no action");
        var missing = () => _fx.Enrichments.CheckAsync("nobody");
        await missing.Should().ThrowAsync<KeyNotFoundException>();
    }

    [Fact]
    public async Task RunAsync_PastTheCap_HandsTheActionAtMostTheCap_WritesEveryone_AndSaysHowManyWereHeldBack()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace", "Alan", "Edsger", "Barbara");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Action = "capped" });

        var run = await _fx.Enrichments.RunAsync("emails");
        var stored = await _fx.Enrichments.GetRunAsync(run.Id);

        _action.Received.Should().HaveCount(3);
        run.Should().Match<EnrichmentRun>(r => r.Status == EnrichmentRunStatus.Completed && r.Written == 5 && r.HeldBack == 2);
        run.Warnings.Should().ContainSingle().Which.Should().Match("*'emails'*5 records*3 rows*'capped'*");
        stored!.Warnings.Should().Equal(run.Warnings);
        stored.HeldBack.Should().Be(2);
        _log.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("5 records", StringComparison.Ordinal));
        _log.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains("held back 2 records", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WithinTheCap_HandsEveryoneOver_WithoutWarnings()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Action = "capped" });

        var run = await _fx.Enrichments.RunAsync("emails");

        _action.Received.Should().HaveCount(2);
        run.Should().Match<EnrichmentRun>(r => r.HeldBack == 0 && r.Warnings.Count == 0);
        _log.Entries.Should().NotContain(e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task TestAsync_DoesNotWarn_SinceItHandsNothingToTheAction()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace", "Alan", "Edsger", "Barbara");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Action = "capped" });

        var test = await _fx.Enrichments.TestAsync("emails", rows: 5);

        test.Should().Match<EnrichmentRun>(r => r.Warnings.Count == 0 && r.HeldBack == 0);
        _action.Received.Should().BeEmpty();
    }

    [Fact]
    public void MaxRows_DefaultsToNoCap()
    {
        IRecordAction action = new UncappedAction();

        action.MaxRows.Should().BeNull();
    }

    private sealed class CappedAction(int cap) : IRecordAction
    {
        public string Name => "capped";

        public int? MaxRows => cap;

        public List<RecordActionItem> Received { get; } = [];

        public Task ExecuteAsync(IReadOnlyList<RecordActionItem> records, CancellationToken cancellationToken = default)
        {
            Received.AddRange(records);
            return Task.CompletedTask;
        }
    }

    private sealed class UncappedAction : IRecordAction
    {
        public string Name => "uncapped";

        public Task ExecuteAsync(IReadOnlyList<RecordActionItem> records, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class TypedLogger(ILogger inner) : ILogger<EnrichmentService>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
