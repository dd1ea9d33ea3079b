using System.Xml.Linq;

namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// Every package records its public API, so a public change shows as a diff of its PublicAPI files and an
/// unrecorded one fails the build (the analyzer's RS0016 and RS0017 are errors with every other warning).
/// </summary>
public sealed class PublicApiRecordTests
{
    public static TheoryData<string> Packages() => new(
        Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_package_has_its_shipped_and_unshipped_api_files(string package)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", package);
        foreach (var file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            var path = Path.Combine(folder, file);
            File.Exists(path).Should().BeTrue($"{package} records its public API in {file}");
            File.ReadLines(path).First().Should().Be("#nullable enable", "the files record nullability with the signatures");
        }

        var recorded = File.ReadLines(Path.Combine(folder, "PublicAPI.Shipped.txt"))
            .Concat(File.ReadLines(Path.Combine(folder, "PublicAPI.Unshipped.txt")))
            .Count(line => line.Length > 0 && !line.StartsWith('#'));
        recorded.Should().BePositive($"{package} has a public API to record");
    }

    [Fact]
    public void The_analyzer_reads_the_api_files_of_every_package_and_warnings_fail_the_build()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        var libraryItems = props.Descendants("ItemGroup").Where(g => ((string?)g.Attribute("Condition"))?.Contains("/src/", StringComparison.Ordinal) == true).ToList();

        libraryItems.SelectMany(g => g.Elements("PackageReference")).Select(r => (string?)r.Attribute("Include"))
            .Should().Contain("Microsoft.CodeAnalysis.PublicApiAnalyzers");
        libraryItems.SelectMany(g => g.Elements("AdditionalFiles")).Select(r => (string?)r.Attribute("Include"))
            .Should().BeEquivalentTo("PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt");
        props.Descendants("TreatWarningsAsErrors").Select(e => e.Value).Should().Contain("true");
    }
}
