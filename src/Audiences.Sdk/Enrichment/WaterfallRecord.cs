namespace Audiences.Sdk.Enrichment;

/// <summary>One record on its way down a waterfall: the answers so far, the credits they cost, and the failures met.</summary>
internal sealed class WaterfallRecord(EnrichmentRequest request)
{
    private readonly List<string> _failures = [];
    private decimal _credits;
    private string? _lastAsked;
    private EnrichmentResult? _found;

    public EnrichmentRequest Request { get; } = request;

    public bool IsFound => _found is not null;

    public bool Holds(IReadOnlyList<string> inputs) =>
        inputs.All(i => Request.Inputs.TryGetValue(i, out var value) && !value.IsEmpty);

    /// <summary>The request as one provider sees it: only its own inputs.</summary>
    public EnrichmentRequest RequestFor(IReadOnlyList<string> inputs) =>
        Request with { Inputs = inputs.ToDictionary(i => i, i => Request.Inputs[i], StringComparer.Ordinal) };

    /// <summary>Adds a provider's answer (null when it gave none).</summary>
    public void Add(string provider, EnrichmentResult? answer, IReadOnlyList<EnrichmentOutput> outputs)
    {
        _lastAsked = provider;
        _credits += Math.Max(0, answer?.Credits ?? 0);
        switch (answer?.Outcome)
        {
            case EnrichmentOutcome.Found:
                // Only the waterfall's outputs: a later provider may declare more than the first.
                _found = answer with
                {
                    Values = outputs.Where(o => answer.Values.ContainsKey(o.Field)).ToDictionary(o => o.Field, o => answer.Values[o.Field], StringComparer.Ordinal),
                };
                break;
            case EnrichmentOutcome.NotFound:
                break;
            default:
                _failures.Add($"{provider}: {answer?.Error ?? "no answer"}");
                break;
        }
    }

    public EnrichmentResult Result()
    {
        var profile = Request.Profile;
        if (_found is not null)
        {
            return _found with { Credits = _credits, Provider = _lastAsked, Error = null };
        }

        return _failures.Count > 0
            ? new EnrichmentResult(profile, EnrichmentOutcome.Failed) { Error = string.Join("; ", _failures), Credits = _credits, Provider = _lastAsked }
            : new EnrichmentResult(profile, EnrichmentOutcome.NotFound) { Credits = _credits, Provider = _lastAsked };
    }
}
