using System.Collections.Frozen;
using System.Globalization;

namespace Audiences.Samples.Providers;

/// <summary>
/// An immutable table of companies by domain, read from a CSV file with the header
/// <c>domain,company_name,employees,industry</c>. Fields are split on commas without quoting, so names and industries
/// must not contain commas; a line that does not fit fails the load with its line number.
/// </summary>
public sealed class CompanyReferenceTable
{
    /// <summary>The table shipped with the samples, relative to the application's folder.</summary>
    public static readonly string BundledPath = Path.Combine("SampleData", "companies_reference.csv");

    private const string Header = "domain,company_name,employees,industry";
    private static readonly Lazy<CompanyReferenceTable> BundledTable =
        new(() => Load(Path.Combine(AppContext.BaseDirectory, BundledPath)), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, CompanyReference> _byDomain;

    private CompanyReferenceTable(IEnumerable<CompanyReference> companies) =>
        _byDomain = companies.ToFrozenDictionary(c => c.Domain, StringComparer.Ordinal);

    /// <summary>The bundled table, read once from the application's <c>SampleData</c> folder.</summary>
    /// <exception cref="FileNotFoundException">The bundled file was not copied next to the application.</exception>
    /// <exception cref="InvalidDataException">The file does not fit the format.</exception>
    public static CompanyReferenceTable Bundled => BundledTable.Value;

    /// <summary>The number of companies in the table.</summary>
    public int Count => _byDomain.Count;

    /// <summary>Reads a table from a CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file does not fit the format, or names a domain twice.</exception>
    public static CompanyReferenceTable Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !string.Equals(lines[0].Trim(), Header, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{path}: the first line must be '{Header}'.");
        }

        var companies = new Dictionary<string, CompanyReference>(StringComparer.Ordinal);
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var company = Parse(lines[i], path, lineNumber: i + 1);
            if (!companies.TryAdd(company.Domain, company))
            {
                throw new InvalidDataException($"{path}, line {i + 1}: '{company.Domain}' is already in the table.");
            }
        }

        return new CompanyReferenceTable(companies.Values);
    }

    /// <summary>Finds a company by its domain or website; a scheme, path, port, a leading <c>www.</c> and case are ignored.</summary>
    /// <param name="domain">The domain, e.g. <c>https://www.Brightlane.io/</c>.</param>
    /// <param name="company">The company, when found.</param>
    /// <returns>Whether the table holds the domain.</returns>
    public bool TryFind(string? domain, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CompanyReference? company) =>
        _byDomain.TryGetValue(DomainName.Normalize(domain), out company);

    private static CompanyReference Parse(string line, string path, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length != 4)
        {
            throw new InvalidDataException($"{path}, line {lineNumber}: expected 4 fields, found {fields.Length}.");
        }

        var domain = DomainName.Normalize(fields[0]);
        var name = fields[1].Trim();
        var industry = fields[3].Trim();
        if (domain.Length == 0 || name.Length == 0 || industry.Length == 0)
        {
            throw new InvalidDataException($"{path}, line {lineNumber}: the domain, name and industry must not be empty.");
        }

        if (!int.TryParse(fields[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var employees))
        {
            throw new InvalidDataException($"{path}, line {lineNumber}: employees '{fields[2]}' is not a whole number.");
        }

        return new CompanyReference(domain, name, employees, industry);
    }
}
