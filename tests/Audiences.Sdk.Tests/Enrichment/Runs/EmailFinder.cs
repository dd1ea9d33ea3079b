using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Enrichment.Runs;

/// <summary>
/// A provider that builds <c>first@domain</c> from <c>first_name</c> and <c>company_domain</c>, charging 1 credit per
/// record; first names listed in <see cref="Unknown"/> are not found and those in <see cref="Broken"/> fail.
/// </summary>
internal sealed class EmailFinder(string name = "finder") : IEnrichmentProvider
{
    public string Name => name;

    public EntityKind Kind => EntityKind.Person;

    public IReadOnlyList<string> Inputs { get; } = ["first_name", "company_domain"];

    public IReadOnlyList<EnrichmentOutput> Outputs { get; } = [new("work_email", FieldType.Text)];

    public decimal CreditsPerRecord => 1;

    public int MaxBatchSize { get; init; } = 2;

    public HashSet<string> Unknown { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Broken { get; } = new(StringComparer.Ordinal);

    /// <summary>Every record looked up, in order.</summary>
    public List<ProfileId> Asked { get; } = [];

    public Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default)
    {
        lock (Asked)
        {
            Asked.AddRange(records.Select(r => r.Profile));
        }

        return Task.FromResult<IReadOnlyList<EnrichmentResult>>([.. records.Select(Answer)]);
    }

    private EnrichmentResult Answer(EnrichmentRequest record)
    {
        var first = record.Inputs["first_name"].AsText();
        if (Broken.Contains(first))
        {
            return new(record.Profile, EnrichmentOutcome.Failed) { Error = $"the service choked on {first}", Credits = 0 };
        }

        if (Unknown.Contains(first))
        {
            return new(record.Profile, EnrichmentOutcome.NotFound) { Credits = 1 };
        }

        return new(record.Profile, EnrichmentOutcome.Found)
        {
            Values = new Dictionary<string, FieldValue> { ["work_email"] = FieldValue.FromText($"{first.ToLowerInvariant()}@{record.Inputs["company_domain"].AsText()}") },
            Credits = 1,
        };
    }
}
