using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Tests.Signals;

/// <summary>A signal provider whose answers a test writes: by default one job change a day after <c>since</c> for every record, one credit each.</summary>
internal sealed class ScriptedSignalProvider(string name = "scripted-signals") : ISignalProvider
{
    private int _callCount;

    public string Name { get; } = name;

    public SignalType Type => SignalType.JobChange;

    public EntityKind Kind => EntityKind.Person;

    public decimal CreditsPerRecord => 1;

    public int MaxBatchSize { get; init; } = 100;

    public Func<IReadOnlyList<Profile>, DateTimeOffset, int, Task<IReadOnlyList<SignalResult>>>? Answer { get; init; }

    public int CallCount => Volatile.Read(ref _callCount);

    public static Profile Person(long id) =>
        new(new ProfileId(id), EntityKind.Person, 1, DateTimeOffset.UnixEpoch, new Dictionary<string, ProfileValue>(), [], []);

    public Task<IReadOnlyList<SignalResult>> DetectAsync(IReadOnlyList<Profile> records, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _callCount);
        return Answer is { } answer
            ? answer(records, since, call)
            : Task.FromResult<IReadOnlyList<SignalResult>>(
                [.. records.Select(p => new SignalResult(p.Id) { Events = [new SignalEvent(since.AddDays(1), "title: Engineer → CTO")], Credits = 1 })]);
    }
}
