namespace Audiences.Samples.Providers.Tests;

public sealed class CompanyReferenceTableTests
{
    [Fact]
    public void The_bundled_table_is_copied_to_the_output_and_reads_about_thirty_companies() =>
        CompanyReferenceTable.Bundled.Count.Should().BeInRange(25, 40);

    [Fact]
    public void Covers_most_of_the_demos_companies_but_leaves_some_out_so_not_found_shows_too()
    {
        var domains = DemoCompanyDomains();

        var found = domains.Where(d => CompanyReferenceTable.Bundled.TryFind(d, out _)).ToList();

        domains.Should().NotBeEmpty();
        found.Count.Should().BeGreaterThan(domains.Count / 2);
        domains.Except(found).Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(3);
    }

    [Theory]
    [InlineData("domain,company_name,employees,industry\nacme.com,Acme,many,Software", "line 2: employees 'many'")]
    [InlineData("domain,company_name,employees,industry\nacme.com,Acme,12", "line 2: expected 4 fields, found 3")]
    [InlineData("domain,company_name,employees,industry\nacme.com,Acme,1,X\nwww.ACME.com,Acme,2,Y", "line 3: 'acme.com' is already in the table")]
    [InlineData("domain,name\nacme.com,Acme", "the first line must be")]
    public void Refuses_a_file_that_does_not_fit_the_format(string content, string reason)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, content);

            var load = () => CompanyReferenceTable.Load(path);

            load.Should().Throw<InvalidDataException>().WithMessage($"*{reason}*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The company domains of the command-line demo's bundled files, as written there.</summary>
    private static List<string> DemoCompanyDomains()
    {
        var domains = new List<string>();
        domains.AddRange(Column(Path.Combine(RepositoryPaths.CliSampleData, "companies.csv"), "Website"));
        domains.AddRange(Column(Path.Combine(RepositoryPaths.CliSampleData, "search_companies.csv"), "domain"));
        return domains.Select(DomainName.Normalize).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Column(string path, string header)
    {
        // The demo files quote no field before these columns, so splitting on commas finds them.
        var lines = File.ReadAllLines(path);
        var index = Array.IndexOf(lines[0].Split(','), header);
        index.Should().BeGreaterThanOrEqualTo(0, $"{path} has a '{header}' column");
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[index]);
    }
}
