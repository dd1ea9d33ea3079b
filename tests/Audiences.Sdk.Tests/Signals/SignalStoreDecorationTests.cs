using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Tests.Signals;

/// <summary>The signal contracts are registered by the store and decorated like every other contract, through their delegating bases.</summary>
public sealed class SignalStoreDecorationTests
{
    [Fact]
    public async Task DecorateStore_SignalContracts_CallsGoThroughTheDecoratorsToTheStore()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseInMemory()
            .DecorateStore<ISignalDefinitionStore>((inner, _) => new CountingDefinitions(inner))
            .DecorateStore<ISignalRunStore>((inner, _) => new CountingRuns(inner)));
        await using var provider = services.BuildServiceProvider();
        var definitions = (CountingDefinitions)provider.GetRequiredService<ISignalDefinitionStore>();
        var runs = (CountingRuns)provider.GetRequiredService<ISignalRunStore>();

        await definitions.SaveAsync(new SignalDefinition("changes", EntityKind.Person, SignalType.JobChange, "sample-job-change", [1]));
        var run = await runs.StartRunAsync(new SignalRun(0, "changes", SignalTrigger.Manual, DateTimeOffset.UnixEpoch));
        await runs.RecordChecksAsync("changes", [new ProfileId(1)], run.StartedAt);

        (definitions.Saves, runs.Starts).Should().Be((1, 1));
        (await definitions.GetAsync("CHANGES")).Should().NotBeNull();
        (await runs.FindChecksAsync("changes", [new ProfileId(1)])).Should().ContainKey(new ProfileId(1));
    }

    private sealed class CountingDefinitions(ISignalDefinitionStore inner) : DelegatingSignalDefinitionStore(inner)
    {
        public int Saves { get; private set; }

        public override ValueTask SaveAsync(SignalDefinition definition, CancellationToken cancellationToken = default)
        {
            Saves++;
            return base.SaveAsync(definition, cancellationToken);
        }
    }

    private sealed class CountingRuns(ISignalRunStore inner) : DelegatingSignalRunStore(inner)
    {
        public int Starts { get; private set; }

        public override ValueTask<SignalRun> StartRunAsync(SignalRun run, CancellationToken cancellationToken = default)
        {
            Starts++;
            return base.StartRunAsync(run, cancellationToken);
        }
    }
}
