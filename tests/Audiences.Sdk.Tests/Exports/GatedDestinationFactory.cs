using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>
/// Destinations of type <c>gated</c>: an inner destination whose writes first call a hook, so a test can hold a run
/// inside its write (to run it twice at once, or cancel it there) or fail the write as a whole.
/// </summary>
internal sealed class GatedDestinationFactory(IDestination inner) : IDestinationFactory
{
    private readonly IDestination _inner = inner;

    public static DestinationSettings Settings { get; } = new("gated", new Dictionary<string, string>());

    public string Type => "gated";

    /// <summary>Called before each write with its cancellation token; null writes straight through.</summary>
    public Func<CancellationToken, Task>? BeforeWrite { get; set; }

    public IDestination Create(DestinationSettings settings) => new Gated(this);

    private sealed class Gated(GatedDestinationFactory factory) : IDestination
    {
        public ValueTask<DestinationDescription> DescribeAsync(CancellationToken cancellationToken = default) => factory._inner.DescribeAsync(cancellationToken);

        public IAsyncEnumerable<DestinationRecord> ReadAsync(DestinationReadRequest request, CancellationToken cancellationToken = default) =>
            factory._inner.ReadAsync(request, cancellationToken);

        public async Task<IReadOnlyList<DestinationResult>> WriteAsync(IReadOnlyList<DestinationWrite> writes, CancellationToken cancellationToken = default)
        {
            if (factory.BeforeWrite is { } hook)
            {
                await hook(cancellationToken);
            }

            return await factory._inner.WriteAsync(writes, cancellationToken);
        }
    }
}
