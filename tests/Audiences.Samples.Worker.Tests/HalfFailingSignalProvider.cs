using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Samples.Worker.Tests;

/// <summary>A job-change signal provider whose service cannot answer for people named <see cref="FailsFor"/>; everyone else is checked and never fires.</summary>
internal sealed class HalfFailingSignalProvider : ISignalProvider
{
    public const string FailsFor = "Bob";

    public string Name => "half-failing-job-change";

    public SignalType Type => SignalType.JobChange;

    public EntityKind Kind => EntityKind.Person;

    public decimal CreditsPerRecord => 1m;

    public int MaxBatchSize => 50;

    public Task<IReadOnlyList<SignalResult>> DetectAsync(IReadOnlyList<Profile> records, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SignalResult> results = [.. records.Select(r => r["first_name"].ToString() == FailsFor
            ? new SignalResult(r.Id) { Error = "the service has no data on this person" }
            : new SignalResult(r.Id) { Credits = CreditsPerRecord })];
        return Task.FromResult(results);
    }
}
