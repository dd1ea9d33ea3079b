using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Enrichment;

/// <summary>
/// An enrichment provider whose answers a test writes: by default it finds every record whose <c>email</c> input holds
/// "found", with a <c>work_email</c>, and charges one credit a record. It records every call it is given.
/// </summary>
internal sealed class ScriptedEnrichmentProvider(string name = "scripted") : IEnrichmentProvider
{
    private readonly List<IReadOnlyList<EnrichmentRequest>> _calls = [];
    private int _callCount;

    public string Name { get; } = name;

    public EntityKind Kind { get; init; } = EntityKind.Person;

    public IReadOnlyList<string> Inputs { get; init; } = ["email"];

    public IReadOnlyList<EnrichmentOutput> Outputs { get; init; } = [new("work_email", FieldType.Text)];

    public decimal CreditsPerRecord { get; init; } = 1;

    public int MaxBatchSize { get; init; } = 100;

    /// <summary>Answers a call; the default finds the records described above. Receives the call's number, from 1.</summary>
    public Func<IReadOnlyList<EnrichmentRequest>, int, CancellationToken, Task<IReadOnlyList<EnrichmentResult>>>? Answer { get; init; }

    public int CallCount => Volatile.Read(ref _callCount);

    public IReadOnlyList<IReadOnlyList<EnrichmentRequest>> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public static EnrichmentRequest Request(long profile, string email) =>
        new(new ProfileId(profile), new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText(email) });

    public Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default)
    {
        lock (_calls)
        {
            _calls.Add(records);
        }

        var call = Interlocked.Increment(ref _callCount);
        return Answer is { } answer ? answer(records, call, cancellationToken) : Task.FromResult(Default(records));
    }

    public IReadOnlyList<EnrichmentResult> Default(IReadOnlyList<EnrichmentRequest> records) =>
        [.. records.Select(Default)];

    public EnrichmentResult Default(EnrichmentRequest record) =>
        record.Inputs.Values.Any(v => v.ToString().Contains("found", StringComparison.Ordinal) && !v.ToString().Contains("not", StringComparison.Ordinal))
            ? new EnrichmentResult(record.Profile, EnrichmentOutcome.Found)
            {
                Values = new Dictionary<string, FieldValue> { ["work_email"] = FieldValue.FromText($"{Name}@example.com") },
                Credits = CreditsPerRecord,
            }
            : new EnrichmentResult(record.Profile, EnrichmentOutcome.NotFound) { Credits = CreditsPerRecord };
}
