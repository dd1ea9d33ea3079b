using Audiences.Sdk.Profiles;
using Audiences.Sdk.Providers;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.Logging.Abstractions;
using static Audiences.Sdk.Tests.Signals.ScriptedSignalProvider;

namespace Audiences.Sdk.Tests.Signals;

/// <summary>A signal provider inside the pipeline keeps the contract, even when it reports older events out of order.</summary>
public class PipelineKeepsTheSignalContractTests : SignalProviderSpecification
{
    protected override IReadOnlyList<Profile> Records { get; } = [Person(1), Person(2), Person(3)];

    protected override DateTimeOffset Since { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected override IReadOnlyList<ProfileId> RecordsWithEvents => [new(1), new(2), new(3)];

    protected override Task<ISignalProvider> CreateProviderAsync()
    {
        var sloppy = new ScriptedSignalProvider
        {
            MaxBatchSize = 2,
            Answer = (records, since, _) => Task.FromResult<IReadOnlyList<SignalResult>>(
                [.. records.Select(p => new SignalResult(p.Id) { Events = [new(since.AddDays(-1), "before"), new(since, "at"), new(since.AddDays(2), "after")], Credits = 1 })]),
        };
        var catalog = new ProviderCatalog([], [sloppy], new ProviderPipelineOptions(), TimeProvider.System, NullLogger.Instance);
        return Task.FromResult(catalog.GetSignalProvider(sloppy.Name));
    }
}
