using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Providers;

/// <summary>A step of the pipeline around a signal provider: it describes itself as the provider it wraps.</summary>
internal abstract class SignalProviderDecorator(ISignalProvider inner) : ISignalProvider
{
    protected ISignalProvider Inner { get; } = inner;

    public string Name => Inner.Name;

    public SignalType Type => Inner.Type;

    public EntityKind Kind => Inner.Kind;

    public decimal CreditsPerRecord => Inner.CreditsPerRecord;

    public int MaxBatchSize => Inner.MaxBatchSize;

    public abstract Task<IReadOnlyList<SignalResult>> DetectAsync(IReadOnlyList<Profile> records, DateTimeOffset since, CancellationToken cancellationToken = default);
}
