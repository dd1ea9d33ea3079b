using Audiences.Sdk.Destinations;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>The export contracts are registered by the store and decorated like every other contract, through their delegating bases.</summary>
public sealed class ExportStoreDecorationTests
{
    [Fact]
    public async Task DecorateStore_ExportContracts_CallsGoThroughTheDecoratorsToTheStore()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseInMemory()
            .DecorateStore<IExportDefinitionStore>((inner, _) => new CountingDefinitions(inner))
            .DecorateStore<IExportRunStore>((inner, _) => new CountingRuns(inner))
            .DecorateStore<IExportOutcomeStore>((inner, _) => new CountingOutcomes(inner)));
        await using var provider = services.BuildServiceProvider();
        var definitions = (CountingDefinitions)provider.GetRequiredService<IExportDefinitionStore>();
        var runs = (CountingRuns)provider.GetRequiredService<IExportRunStore>();
        var outcomes = (CountingOutcomes)provider.GetRequiredService<IExportOutcomeStore>();

        await definitions.SaveAsync(new ExportDefinition("crm", EntityKind.Person, new DestinationSettings("csv", new Dictionary<string, string>())));
        var run = await runs.TryStartRunAsync(new ExportRun(0, "crm", ExportTrigger.Manual, DateTimeOffset.UnixEpoch), DateTimeOffset.MinValue);
        await outcomes.RecordAsync("crm", run!.Id, [new ExportOutcome(new ProfileId(1), "a@x.io", ExportOutcomeKind.Failed) { Reason = "refused" }], run.StartedAt);

        (definitions.Saves, runs.Starts, outcomes.Records).Should().Be((1, 1, 1));
        (await definitions.GetAsync("CRM")).Should().NotBeNull();
        (await runs.ListRunsAsync("crm", 10)).Should().ContainSingle();
        (await outcomes.ListFailuresAsync("crm")).Should().ContainSingle().Which.Reason.Should().Be("refused");
    }

    private sealed class CountingDefinitions(IExportDefinitionStore inner) : DelegatingExportDefinitionStore(inner)
    {
        public int Saves { get; private set; }

        public override ValueTask SaveAsync(ExportDefinition definition, CancellationToken cancellationToken = default)
        {
            Saves++;
            return base.SaveAsync(definition, cancellationToken);
        }
    }

    private sealed class CountingRuns(IExportRunStore inner) : DelegatingExportRunStore(inner)
    {
        public int Starts { get; private set; }

        public override ValueTask<ExportRun?> TryStartRunAsync(ExportRun run, DateTimeOffset staleBefore, CancellationToken cancellationToken = default)
        {
            Starts++;
            return base.TryStartRunAsync(run, staleBefore, cancellationToken);
        }
    }

    private sealed class CountingOutcomes(IExportOutcomeStore inner) : DelegatingExportOutcomeStore(inner)
    {
        public int Records { get; private set; }

        public override ValueTask RecordAsync(string exportName, long run, IReadOnlyList<ExportOutcome> outcomes, DateTimeOffset at, CancellationToken cancellationToken = default)
        {
            Records++;
            return base.RecordAsync(exportName, run, outcomes, at, cancellationToken);
        }
    }
}
