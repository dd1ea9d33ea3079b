using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Testing.Tests.Specification;

/// <summary>
/// A signal provider over a list of job changes by profile. <see cref="Flaw"/> breaks it in one way, to show the suite
/// catches that.
/// </summary>
public sealed class ListSignalProvider(IReadOnlyDictionary<ProfileId, IReadOnlyList<SignalEvent>> changes) : ISignalProvider
{
    /// <summary>The ways the provider can break its contract.</summary>
    public enum Flaws
    {
        None,
        ReportsEventsBeforeSince,
        OldestFirst,
        DropsTheLastRecord,
        IgnoresCancellation,
    }

    public Flaws Flaw { get; init; }

    public string Name => "list-job-change";

    public SignalType Type => SignalType.JobChange;

    public EntityKind Kind => EntityKind.Person;

    public decimal CreditsPerRecord => 0.5m;

    public int MaxBatchSize => 2;

    public Task<IReadOnlyList<SignalResult>> DetectAsync(IReadOnlyList<Profile> records, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        if (Flaw != Flaws.IgnoresCancellation)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var results = records.Select(p => new SignalResult(p.Id) { Events = Events(p.Id, since), Credits = CreditsPerRecord }).ToList();
        if (Flaw == Flaws.DropsTheLastRecord && results.Count > 0)
        {
            results.RemoveAt(results.Count - 1);
        }

        return Task.FromResult<IReadOnlyList<SignalResult>>(results);
    }

    private List<SignalEvent> Events(ProfileId profile, DateTimeOffset since)
    {
        var events = changes.TryGetValue(profile, out var all) ? all : [];
        var reported = Flaw == Flaws.ReportsEventsBeforeSince ? events : events.Where(e => e.OccurredAt >= since);
        return Flaw == Flaws.OldestFirst ? [.. reported.OrderBy(e => e.OccurredAt)] : [.. reported.OrderByDescending(e => e.OccurredAt)];
    }
}
