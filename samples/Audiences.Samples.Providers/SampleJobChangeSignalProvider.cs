using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Samples.Providers;

/// <summary>
/// Detects a person's job change from their own source records: when two records, in the order they were observed,
/// disagree on <c>title</c> or <c>company_domain</c>, the person changed job when the newer record was observed.
/// </summary>
/// <remarks>
/// Deterministic, stateless and thread-safe; it calls no service. An event reads <c>title: Engineer → CTO</c> (old →
/// new), both fields joined with <c>; </c> when both changed; only events at or after the time asked about are
/// reported, newest first. A person with fewer than two source records never fires. Every person checked costs one
/// credit, fired or not; a company (the SDK never sends one) fails and costs nothing.
/// </remarks>
public sealed class SampleJobChangeSignalProvider : ISignalProvider
{
    /// <inheritdoc />
    public string Name => "sample-job-change";

    /// <inheritdoc />
    public SignalType Type => SignalType.JobChange;

    /// <inheritdoc />
    public EntityKind Kind => EntityKind.Person;

    /// <inheritdoc />
    public decimal CreditsPerRecord => 1m;

    /// <inheritdoc />
    public int MaxBatchSize => 100;

    /// <inheritdoc />
    public Task<IReadOnlyList<SignalResult>> DetectAsync(IReadOnlyList<Profile> records, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        return ImmediateTask.AnswerEach(records, record => Check(record, since), cancellationToken);
    }

    private SignalResult Check(Profile profile, DateTimeOffset since)
    {
        if (profile.Kind != Kind)
        {
            return new SignalResult(profile.Id) { Error = $"profile {profile.Id} is a {profile.Kind}, not a person", Credits = 0m };
        }

        return new SignalResult(profile.Id) { Events = JobChangeDetector.Detect(profile, since), Credits = CreditsPerRecord };
    }
}
