using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Samples.Providers;

/// <summary>
/// Guesses a person's work email as <c>first.last@domain</c> from their name and their company's domain:
/// "Mary-Jane O'Neil" at "https://www.Acme.com/" gives <c>maryjane.oneil@acme.com</c>.
/// </summary>
/// <remarks>
/// Deterministic, stateless and thread-safe; it calls no service. The name parts keep their letters only, lower-cased
/// with the invariant culture, accented letters included (see <see cref="NameLetters"/>); the domain loses its scheme,
/// path, port and a leading <c>www.</c> and is lower-cased. Every record looked up costs one credit, found or not; a
/// record whose name parts have no letters, or whose domain has no host, is not found. A record missing an input
/// (the SDK never sends one) fails and costs nothing.
/// </remarks>
public sealed class SampleWorkEmailProvider : IEnrichmentProvider
{
    /// <summary>The input holding the person's first name.</summary>
    public const string FirstNameInput = "first_name";

    /// <summary>The input holding the person's last name.</summary>
    public const string LastNameInput = "last_name";

    /// <summary>The input holding the person's company domain or website.</summary>
    public const string CompanyDomainInput = "company_domain";

    /// <summary>The output holding the guessed address.</summary>
    public const string WorkEmailOutput = "work_email";

    /// <inheritdoc />
    public string Name => "sample-work-email";

    /// <inheritdoc />
    public EntityKind Kind => EntityKind.Person;

    /// <inheritdoc />
    public IReadOnlyList<string> Inputs { get; } = [FirstNameInput, LastNameInput, CompanyDomainInput];

    /// <inheritdoc />
    public IReadOnlyList<EnrichmentOutput> Outputs { get; } = [new(WorkEmailOutput, FieldType.Text)];

    /// <inheritdoc />
    public decimal CreditsPerRecord => 1m;

    /// <inheritdoc />
    public int MaxBatchSize => 100;

    /// <inheritdoc />
    public Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default)
    {
        return ImmediateTask.AnswerEach(records, LookUp, cancellationToken);
    }

    private EnrichmentResult LookUp(EnrichmentRequest request)
    {
        if (MissingInput.Find(request, Inputs) is { } missing)
        {
            return MissingInput.Failure(request, missing, Name);
        }

        var first = NameLetters.Of(MissingInput.Text(request, FirstNameInput));
        var last = NameLetters.Of(MissingInput.Text(request, LastNameInput));
        var domain = DomainName.Normalize(MissingInput.Text(request, CompanyDomainInput));
        if (first.Length == 0 || last.Length == 0 || domain.Length == 0)
        {
            return new EnrichmentResult(request.Profile, EnrichmentOutcome.NotFound) { Credits = CreditsPerRecord, Provider = Name };
        }

        return new EnrichmentResult(request.Profile, EnrichmentOutcome.Found)
        {
            Values = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
            {
                [WorkEmailOutput] = FieldValue.FromText($"{first}.{last}@{domain}"),
            },
            Credits = CreditsPerRecord,
            Provider = Name,
        };
    }
}
