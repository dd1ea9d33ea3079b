using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Tests.Enrichment;

/// <summary>The enrichment contracts are registered by the store and decorated like every other contract, through their delegating bases.</summary>
public sealed class EnrichmentStoreDecorationTests
{
    [Fact]
    public async Task DecorateStore_EnrichmentContracts_CallsGoThroughTheDecoratorsToTheStore()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseInMemory()
            .DecorateStore<IEnrichmentDefinitionStore>((inner, _) => new CountingDefinitions(inner))
            .DecorateStore<IEnrichmentRunStore>((inner, _) => new CountingRuns(inner))
            .DecorateStore<IEnrichmentOutputStore>((inner, _) => new CountingOutputs(inner)));
        await using var provider = services.BuildServiceProvider();
        var definitions = (CountingDefinitions)provider.GetRequiredService<IEnrichmentDefinitionStore>();
        var runs = (CountingRuns)provider.GetRequiredService<IEnrichmentRunStore>();
        var outputs = (CountingOutputs)provider.GetRequiredService<IEnrichmentOutputStore>();

        await definitions.SaveAsync(new EnrichmentDefinition("sizes", EntityKind.Company, ["sample-company"], [1]));
        var run = await runs.StartRunAsync(new EnrichmentRun(0, "sizes", EnrichmentTrigger.Manual, DateTimeOffset.UnixEpoch));
        await outputs.AppendOutputsAsync([new EnrichmentRunOutput(run.Id, new ProfileId(1), EnrichmentOutcome.Found, "h")]);

        (definitions.Saves, runs.Starts, outputs.Appends).Should().Be((1, 1, 1));
        (await definitions.GetAsync("SIZES")).Should().NotBeNull();
        (await outputs.ListOutputsAsync(run.Id).ToListAsync()).Should().ContainSingle();
    }

    private sealed class CountingDefinitions(IEnrichmentDefinitionStore inner) : DelegatingEnrichmentDefinitionStore(inner)
    {
        public int Saves { get; private set; }

        public override ValueTask SaveAsync(EnrichmentDefinition definition, CancellationToken cancellationToken = default)
        {
            Saves++;
            return base.SaveAsync(definition, cancellationToken);
        }
    }

    private sealed class CountingRuns(IEnrichmentRunStore inner) : DelegatingEnrichmentRunStore(inner)
    {
        public int Starts { get; private set; }

        public override ValueTask<EnrichmentRun> StartRunAsync(EnrichmentRun run, CancellationToken cancellationToken = default)
        {
            Starts++;
            return base.StartRunAsync(run, cancellationToken);
        }
    }

    private sealed class CountingOutputs(IEnrichmentOutputStore inner) : DelegatingEnrichmentOutputStore(inner)
    {
        public int Appends { get; private set; }

        public override ValueTask AppendOutputsAsync(IReadOnlyList<EnrichmentRunOutput> outputs, CancellationToken cancellationToken = default)
        {
            Appends++;
            return base.AppendOutputsAsync(outputs, cancellationToken);
        }
    }
}
