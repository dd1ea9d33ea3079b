using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Providers;

/// <summary>
/// Checks a provider's answers to one call against the records asked, record by record:
/// <list type="bullet">
/// <item>a record without an answer fails ("no answer");</item>
/// <item>a record answered more than once keeps its first answer (the provider broke the contract, but the first answer
/// is as good as any; the rest are logged and dropped, their credits with them);</item>
/// <item>an answer for a profile not asked is logged and ignored;</item>
/// <item>a found value for an output the provider does not declare, or of another type than declared, fails that
/// record with a reason naming the field; empty values are no values and are dropped;</item>
/// <item>negative credits fail the record; values on an answer that is not Found are dropped; a failure without a
/// reason gets one.</item>
/// </list>
/// </summary>
internal sealed class EnrichmentAnswers(IEnrichmentProvider provider, ILogger logger)
{
    public IReadOnlyList<EnrichmentResult> Check(IReadOnlyList<EnrichmentRequest> asked, IReadOnlyList<EnrichmentResult>? answers)
    {
        var first = new Dictionary<ProfileId, EnrichmentResult?>(asked.Count);
        foreach (var request in asked)
        {
            first.TryAdd(request.Profile, null);
        }

        foreach (var answer in answers ?? [])
        {
            if (answer is null)
            {
                continue;
            }

            if (!first.TryGetValue(answer.Profile, out var kept))
            {
                ProviderLog.UnaskedAnswer(logger, provider.Name, answer.Profile);
            }
            else if (kept is not null)
            {
                ProviderLog.DuplicateAnswer(logger, provider.Name, answer.Profile);
            }
            else
            {
                first[answer.Profile] = answer;
            }
        }

        return [.. asked.Select(r => first[r.Profile] is { } answer ? Checked(answer) : Failed(r.Profile, "the provider gave no answer for this record"))];
    }

    private EnrichmentResult Checked(EnrichmentResult answer)
    {
        if (answer.Credits < 0)
        {
            return Failed(answer.Profile, $"the provider charged negative credits ({answer.Credits})");
        }

        var provided = answer with { Provider = answer.Provider ?? provider.Name };
        return answer.Outcome switch
        {
            EnrichmentOutcome.Found => CheckValues(provided),
            EnrichmentOutcome.NotFound => provided with { Values = new Dictionary<string, FieldValue>(), Error = null },
            EnrichmentOutcome.Failed => provided with
            {
                Values = new Dictionary<string, FieldValue>(),
                Error = string.IsNullOrWhiteSpace(answer.Error) ? "the provider gave no reason" : answer.Error,
            },
            _ => Failed(answer.Profile, $"the provider answered with an unknown outcome ({(int)answer.Outcome})"),
        };
    }

    private EnrichmentResult CheckValues(EnrichmentResult answer)
    {
        var declared = provider.Outputs.ToDictionary(o => o.Field, o => o.Type, StringComparer.Ordinal);
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var (field, value) in answer.Values ?? new Dictionary<string, FieldValue>())
        {
            if (!declared.TryGetValue(field, out var type))
            {
                return Failed(answer.Profile, $"the provider returned a value for '{field}', an output it does not declare", answer.Credits);
            }

            if (value.IsEmpty)
            {
                continue;
            }

            if (value.Type != type)
            {
                return Failed(answer.Profile, $"the provider returned a {value.Type} for '{field}', declared as {type}", answer.Credits);
            }

            values[field] = value;
        }

        return answer with { Values = values, Error = null };
    }

    // A bad answer still cost what the provider charged for it.
    private EnrichmentResult Failed(ProfileId profile, string reason, decimal credits = 0) =>
        new(profile, EnrichmentOutcome.Failed) { Error = reason, Credits = credits, Provider = provider.Name };
}
