using System.Globalization;

namespace Audiences.Cli.Tests;

public sealed class FuzzyImportTests : IDisposable
{
    private static readonly string[] FirstNames = ["Olivia", "Liam", "Amelia", "Noah", "Isla", "Oliver", "Ava", "George", "Mia", "Harry", "Freya", "Leo"];
    private static readonly string[] Surnames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Evans", "Walker"];

    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Fuzzy_import_merges_typo_duplicates_that_share_no_alias()
    {
        var file = _workspace.WriteCsv("people.csv", PeopleWithTypoDuplicates());

        var result = await _workspace.RunAsync("import", "csv", "--kind", "person", "--file", file, "--id-column", "id", "--fuzzy", "first_name,surname,dob,city");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("probabilistically on first_name, surname, dob, city");
        result.Stdout.Should().MatchRegex(@"probabilistic matching: [1-9]\d* of the merges");
        var merges = await _workspace.RunAsync("--json", "merges", "--kind", "person");
        merges.Json.AsArray().Should().NotBeEmpty().And.OnlyContain(m => (double)m!["probability"]! >= 0.95);
    }

    [Fact]
    public async Task Json_output_counts_probabilistic_merges_and_queued_pairs()
    {
        var file = _workspace.WriteCsv("people.csv", PeopleWithTypoDuplicates());

        var result = await _workspace.RunAsync("--json", "import", "csv", "--kind", "person", "--file", file, "--id-column", "id", "--fuzzy", "first_name,surname,dob,city");

        result.ExitCode.Should().Be(0, result.ToString());
        ((long)result.Json["probabilisticMerged"]!).Should().BePositive();
        ((long)result.Json["merged"]!).Should().Be((long)result.Json["probabilisticMerged"]!);
        ((long)result.Json["queuedForReview"]!).Should().BeGreaterThanOrEqualTo(0);
    }

    [Theory]
    [InlineData(",", "names no field")]
    [InlineData("first name,dob", "'first name' is not a field key")]
    public async Task A_bad_fuzzy_list_is_refused_before_anything_is_imported(string fields, string message)
    {
        var file = _workspace.WriteCsv("people.csv", "first_name,dob", "Ann,1990-01-01");

        var result = await _workspace.RunAsync("import", "csv", "--kind", "person", "--file", file, "--fuzzy", fields);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain(message);
        File.Exists(_workspace.DatabasePath).Should().BeFalse();
    }

    /// <summary>120 people with distinct names and birth dates, 60 of them again with a swapped-letter typo and no city.</summary>
    private static string[] PeopleWithTypoDuplicates()
    {
        var random = new Random(5);
        var lines = new List<string> { "id,first_name,surname,dob,city" };
        var names = FirstNames.SelectMany(f => Surnames.Select(s => (First: f, Last: s))).OrderBy(_ => random.Next()).Take(120).ToArray();
        string[] cities = ["London", "Leeds", "Bristol", "York", "Bath", "Derby"];
        for (var i = 0; i < names.Length; i++)
        {
            var dob = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 365 * 50)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            lines.Add($"a{i},{names[i].First},{names[i].Last},{dob},{cities[random.Next(cities.Length)]}");
            if (i % 2 == 0)
            {
                var surname = names[i].Last.ToCharArray();
                (surname[1], surname[2]) = (surname[2], surname[1]);
                lines.Add($"b{i},{names[i].First},{new string(surname)},{dob},");
            }
        }

        return [lines[0], .. lines.Skip(1).OrderBy(_ => random.Next())];
    }
}
