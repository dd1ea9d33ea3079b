using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Tests.Signals.Runs;

/// <summary>
/// Fires for a person whose source records disagree on <c>title</c>, dated at the newer record's observation time, one
/// credit per record; records whose email is in <see cref="FailFor"/> fail. Keeps what each call was asked.
/// </summary>
internal sealed class TitleChangeProvider(string name = "titles") : ISignalProvider
{
    private readonly List<(int Records, DateTimeOffset Since)> _calls = [];

    public string Name { get; } = name;

    public SignalType Type { get; init; } = SignalType.JobChange;

    public EntityKind Kind { get; init; } = EntityKind.Person;

    public decimal CreditsPerRecord => 1;

    public int MaxBatchSize { get; init; } = 100;

    public HashSet<string> FailFor { get; } = new(StringComparer.Ordinal);

    public bool Throw { get; set; }

    public IReadOnlyList<(int Records, DateTimeOffset Since)> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public Task<IReadOnlyList<SignalResult>> DetectAsync(IReadOnlyList<Profile> records, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        lock (_calls)
        {
            _calls.Add((records.Count, since));
        }

        if (Throw)
        {
            throw new ProviderUnavailableException($"{Name} is down");
        }

        return Task.FromResult<IReadOnlyList<SignalResult>>([.. records.Select(r => Check(r, since))]);
    }

    private SignalResult Check(Profile person, DateTimeOffset since)
    {
        if (FailFor.Contains(person["email"].ToString()))
        {
            return new SignalResult(person.Id) { Error = "the service does not know this person", Credits = 0 };
        }

        var events = new List<SignalEvent>();
        string? title = null;
        foreach (var source in person.Sources.OrderBy(s => s.ObservedAt))
        {
            if (!source.Record.Values.TryGetValue("title", out var value) || value.IsEmpty)
            {
                continue;
            }

            var current = value.ToString();
            if (title is not null && title != current && source.ObservedAt >= since)
            {
                events.Add(new SignalEvent(source.ObservedAt, $"title: {title} → {current}"));
            }

            title = current;
        }

        events.Reverse();
        return new SignalResult(person.Id) { Events = events, Credits = 1 };
    }
}
