using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Tests.Specification;

/// <summary>
/// An enrichment provider over a list of known emails: it finds the work email of a known personal email, one credit
/// a record. <see cref="Flaw"/> breaks it in one way, to show the suite catches that.
/// </summary>
public sealed class ListEnrichmentProvider(IReadOnlyDictionary<string, string> workEmails) : IEnrichmentProvider
{
    /// <summary>The ways the provider can break its contract.</summary>
    public enum Flaws
    {
        None,
        DropsTheLastRecord,
        AnswersTwice,
        UndeclaredOutput,
        WrongType,
        Varies,
        IgnoresCancellation,
        NegativeCredits,
    }

    private int _calls;

    public Flaws Flaw { get; init; }

    public string Name => "list-work-email";

    public EntityKind Kind => EntityKind.Person;

    public IReadOnlyList<string> Inputs => ["email"];

    public IReadOnlyList<EnrichmentOutput> Outputs => [new("work_email", FieldType.Text)];

    public decimal CreditsPerRecord => 1;

    public int MaxBatchSize => 2;

    public Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default)
    {
        if (Flaw != Flaws.IgnoresCancellation)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var call = Interlocked.Increment(ref _calls);
        var results = records.Select(r => Answer(r, call)).ToList();
        if (Flaw == Flaws.DropsTheLastRecord && results.Count > 0)
        {
            results.RemoveAt(results.Count - 1);
        }

        if (Flaw == Flaws.AnswersTwice && results.Count > 0)
        {
            results.Add(results[0]);
        }

        return Task.FromResult<IReadOnlyList<EnrichmentResult>>(results);
    }

    private EnrichmentResult Answer(EnrichmentRequest record, int call)
    {
        var credits = Flaw == Flaws.NegativeCredits ? -1 : 1;
        if (!workEmails.TryGetValue(record.Inputs["email"].ToString(), out var workEmail))
        {
            return new EnrichmentResult(record.Profile, EnrichmentOutcome.NotFound) { Credits = credits };
        }

        var values = new Dictionary<string, FieldValue>
        {
            ["work_email"] = Flaw switch
            {
                Flaws.WrongType => FieldValue.FromNumber(1),
                Flaws.Varies => FieldValue.FromText($"{call}.{workEmail}"),
                _ => FieldValue.FromText(workEmail),
            },
        };
        if (Flaw == Flaws.UndeclaredOutput)
        {
            values["phone"] = FieldValue.FromText("+1 555 0100");
        }

        return new EnrichmentResult(record.Profile, EnrichmentOutcome.Found) { Values = values, Credits = credits };
    }
}
