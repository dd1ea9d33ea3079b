using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv.Tests;

public sealed class CsvSourceOptionErrorTests : IDisposable
{
    private readonly TempCsv _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_MappingNamesMissingColumn_ThrowsListingColumns()
    {
        var path = _files.Write("email,name\na@example.com,Ada\n");

        var act = () => TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { Mappings = [CsvColumnMapping.Parse("Phone=phone")] });

        (await act.Should().ThrowAsync<CsvSourceException>()).Which.Message.Should().Contain("'Phone'").And.Contain("'email', 'name'");
    }

    [Fact]
    public async Task ReadAsync_IdColumnMissing_Throws()
    {
        var path = _files.Write("email,name\na@example.com,Ada\n");

        var act = () => TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { IdColumn = "Contact Id" });

        await act.Should().ThrowAsync<CsvSourceException>().WithMessage("*IdColumn names the column 'Contact Id'*no such column*");
    }

    [Fact]
    public async Task ReadAsync_MappedTypeConflictsWithKnownType_Throws()
    {
        var path = _files.Write("email,Employees\na@example.com,10\n");
        var options = new CsvSourceOptions(path, EntityKind.Person)
        {
            Mappings = [CsvColumnMapping.Parse("Employees=employee_count:text")],
            KnownFieldTypes = new Dictionary<string, FieldType> { ["employee_count"] = FieldType.Number },
        };

        var act = () => TempCsv.ReadAsync(options);

        await act.Should().ThrowAsync<CsvSourceException>().WithMessage("*mapped as text to the field 'employee_count', which holds number values*");
    }

    [Theory]
    [InlineData(" ", null, null, null)]
    [InlineData("people.csv", 0, null, null)]
    [InlineData("people.csv", null, " ", null)]
    [InlineData("people.csv", null, null, "")]
    [InlineData(".csv", null, null, null)]
    public void Constructor_InvalidOptions_ThrowsArgumentException(string path, int? sampleRows, string? objectName, string? idColumn)
    {
        var options = new CsvSourceOptions(path, EntityKind.Person) { SampleRows = sampleRows, IdColumn = idColumn };
        options = objectName is null ? options : options with { ObjectName = objectName };

        var act = () => new CsvSource(options);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task ReadAsync_TwoMappingsForSameColumn_Throws()
    {
        var options = new CsvSourceOptions(_files.Write("email\na@example.com\n"), EntityKind.Person)
        {
            Mappings = [CsvColumnMapping.Parse("email=work_email"), CsvColumnMapping.Parse("Email=home_email")],
        };

        var act = () => TempCsv.ReadAsync(options);

        await act.Should().ThrowAsync<CsvSourceException>().WithMessage("*mapped twice*");
    }
}
