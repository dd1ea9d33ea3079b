using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Samples.Providers;

/// <summary>
/// Finds a company's number of employees and industry by its domain, from a fixed reference table — by default the
/// one bundled as <c>SampleData/companies_reference.csv</c>.
/// </summary>
/// <remarks>
/// Deterministic, stateless and thread-safe; it calls no service. The domain may be written as a website
/// (<c>https://www.Brightlane.io/</c>): it is reduced to the bare host before the look-up. Every record looked up
/// costs two credits, found or not. A record missing its domain (the SDK never sends one) fails and costs nothing.
/// </remarks>
public sealed class SampleCompanyProvider : IEnrichmentProvider
{
    /// <summary>The input holding the company's domain or website.</summary>
    public const string DomainInput = "domain";

    /// <summary>The output holding the number of employees.</summary>
    public const string EmployeesOutput = "employees";

    /// <summary>The output holding the industry.</summary>
    public const string IndustryOutput = "industry";

    private readonly CompanyReferenceTable _table;

    /// <summary>Creates the provider over the bundled reference table.</summary>
    /// <exception cref="FileNotFoundException">The bundled table was not copied next to the application.</exception>
    public SampleCompanyProvider()
        : this(CompanyReferenceTable.Bundled)
    {
    }

    /// <summary>Creates the provider over a reference table of the host's own.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public SampleCompanyProvider(CompanyReferenceTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
    }

    /// <inheritdoc />
    public string Name => "sample-company";

    /// <inheritdoc />
    public EntityKind Kind => EntityKind.Company;

    /// <inheritdoc />
    public IReadOnlyList<string> Inputs { get; } = [DomainInput];

    /// <inheritdoc />
    public IReadOnlyList<EnrichmentOutput> Outputs { get; } =
        [new(EmployeesOutput, FieldType.Number), new(IndustryOutput, FieldType.Text)];

    /// <inheritdoc />
    public decimal CreditsPerRecord => 2m;

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

        if (!_table.TryFind(MissingInput.Text(request, DomainInput), out var company))
        {
            return new EnrichmentResult(request.Profile, EnrichmentOutcome.NotFound) { Credits = CreditsPerRecord, Provider = Name };
        }

        return new EnrichmentResult(request.Profile, EnrichmentOutcome.Found)
        {
            Values = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
            {
                [EmployeesOutput] = FieldValue.FromNumber(company.Employees),
                [IndustryOutput] = FieldValue.FromText(company.Industry),
            },
            Credits = CreditsPerRecord,
            Provider = Name,
        };
    }
}
