using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Providers;

/// <summary>
/// Checks a signal provider's answers to one call against the records asked, record by record: a record without an
/// answer fails ("no answer"); one answered more than once keeps its first answer; an answer for a profile not asked is
/// logged and ignored; events before the time asked about are dropped and logged; events come out newest first;
/// negative credits fail the record; a failed record keeps no events, and a failure without a reason gets one.
/// </summary>
internal sealed class SignalAnswers(string provider, ILogger logger)
{
    public IReadOnlyList<SignalResult> Check(IReadOnlyList<Profile> asked, DateTimeOffset since, IReadOnlyList<SignalResult>? answers)
    {
        var first = new Dictionary<ProfileId, SignalResult?>(asked.Count);
        foreach (var profile in asked)
        {
            first.TryAdd(profile.Id, null);
        }

        foreach (var answer in answers ?? [])
        {
            if (answer is null)
            {
                continue;
            }

            if (!first.TryGetValue(answer.Profile, out var kept))
            {
                ProviderLog.UnaskedAnswer(logger, provider, answer.Profile);
            }
            else if (kept is not null)
            {
                ProviderLog.DuplicateAnswer(logger, provider, answer.Profile);
            }
            else
            {
                first[answer.Profile] = answer;
            }
        }

        return [.. asked.Select(p => first[p.Id] is { } answer
            ? Checked(answer, since)
            : new SignalResult(p.Id) { Error = "the provider gave no answer for this record" })];
    }

    private SignalResult Checked(SignalResult answer, DateTimeOffset since)
    {
        if (answer.Credits < 0)
        {
            return new SignalResult(answer.Profile) { Error = $"the provider charged negative credits ({answer.Credits})" };
        }

        if (answer.Error is not null)
        {
            return answer with { Events = [], Error = string.IsNullOrWhiteSpace(answer.Error) ? "the provider gave no reason" : answer.Error };
        }

        var events = (answer.Events ?? []).Where(e => e is not null).ToList();
        var early = events.RemoveAll(e => e.OccurredAt < since);
        if (early > 0)
        {
            ProviderLog.EarlyEventsDropped(logger, provider, early, answer.Profile, since);
        }

        return answer with { Events = [.. events.OrderByDescending(e => e.OccurredAt)] };
    }
}
