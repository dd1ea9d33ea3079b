using Audiences.Sdk.Import;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Csv.Tests;

public sealed class CsvProfileServiceExtensionsTests : IDisposable
{
    private readonly TempCsv _files = new();
    private readonly StoreWorkspace _store = StoreWorkspace.Create(b => b.UseInMemory());
    private readonly IProfileService _profiles;

    public CsvProfileServiceExtensionsTests() =>
        _profiles = _store.Service;

    public void Dispose()
    {
        _store.Dispose();
        _files.Dispose();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("email,Email\na@example.com,b@example.com\n")]
    public async Task ImportCsvAsync_UnreadableFile_ThrowsBeforeTheServiceIsUsed(string? text)
    {
        var path = text is null ? _files.PathOf("missing.csv") : _files.Write(text);

        var act = () => new UnusableProfileService().ImportCsvAsync(new CsvSourceOptions(path, EntityKind.Person));

        await act.Should().ThrowAsync<CsvSourceException>();
    }

    [Fact]
    public async Task ImportCsvAsync_File_CreatesProfilesAndReportsRejectedRows()
    {
        var path = _files.Write("email,name\na@example.com,Ada\nb@example.com,Bob,extra\nc@example.com,Cy\n");

        var result = await _profiles.ImportCsvAsync(new CsvSourceOptions(path, EntityKind.Person));

        result.Read.Should().Be(3);
        result.Created.Should().Be(2);
        result.Rejected.Should().Be(1);
        result.Errors.Should().ContainSingle().Which.Line.Should().Be(3);
        (await _profiles.FindProfileAsync(EntityKind.Person, "email", "c@example.com"))!["name"].AsText().Should().Be("Cy");
    }

    [Fact]
    public async Task ImportCsvAsync_ColumnOfCatalogField_IsParsedAsTheFieldsType()
    {
        await _profiles.ImportCsvAsync(new CsvSourceOptions(_files.Write("email,employee_count\na@example.com,10\n", "first.csv"), EntityKind.Person));

        var result = await _profiles.ImportCsvAsync(new CsvSourceOptions(
            _files.Write("email,Employee Count\nb@example.com,abc\nc@example.com,20\n", "second.csv"), EntityKind.Person));

        result.Created.Should().Be(1);
        var error = result.Errors.Should().ContainSingle().Which;
        error.Line.Should().Be(2);
        error.Field.Should().Be("employee_count");
        error.Message.Should().Contain("'abc' is not a number");
    }

    [Fact]
    public async Task ImportCsvAsync_HeaderOnlyFile_ImportsNothing()
    {
        var result = await _profiles.ImportCsvAsync(new CsvSourceOptions(_files.Write("email,name\n"), EntityKind.Person));

        result.Read.Should().Be(0);
        (await _profiles.CountAsync(EntityKind.Person)).Should().Be(0);
    }

    [Fact]
    public async Task ImportCsvAsync_ImportOptionsOfOtherKind_ThrowsArgumentException()
    {
        var path = _files.Write("domain\nacme.com\n");

        var act = () => _profiles.ImportCsvAsync(new CsvSourceOptions(path, EntityKind.Company), new ImportOptions(EntityKind.Person));

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().StartWith(
            "The import is for person records but the CSV source reads company records; use the same kind.");
    }

    [Fact]
    public async Task ImportCsvAsync_ProgressAndBatchSize_ArePassedOn()
    {
        var path = _files.Write("email\na@example.com\nb@example.com\nc@example.com\n");
        var reports = new List<ImportProgress>();

        await _profiles.ImportCsvAsync(
            new CsvSourceOptions(path, EntityKind.Person),
            new ImportOptions(EntityKind.Person) { BatchSize = 2 },
            new SynchronousProgress(reports.Add));

        reports.Select(r => r.Read).Should().Equal(2L, 3L);
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
