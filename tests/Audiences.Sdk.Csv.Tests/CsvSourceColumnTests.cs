using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv.Tests;

public sealed class CsvSourceColumnTests : IDisposable
{
    private readonly TempCsv _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_Headers_AreNormalizedToFieldKeys()
    {
        var path = _files.Write("\" Work E-mail \",First Name,LinkedIn URL,2024 Revenue\na@example.com,Ada,linkedin.com/in/ada,5\n");

        var values = (await TempCsv.ReadAsync(path)).Should().ContainSingle().Which.Record!.Values;

        values.Keys.Should().Equal("work_e_mail", "first_name", "linkedin_url", "f_2024_revenue");
    }

    [Fact]
    public async Task ReadAsync_SourceKind_DefaultsToCsvAndCanRankAsCrm()
    {
        var path = _files.Write("email\na@example.com\n");

        var asCsv = await TempCsv.ReadAsync(path);
        var asCrm = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { SourceKind = SourceKind.Crm });

        asCsv.Single().Record!.SourceKind.Should().Be(SourceKind.Csv);
        asCrm.Single().Record!.SourceKind.Should().Be(SourceKind.Crm);
    }

    [Fact]
    public async Task ReadAsync_MappingWithoutType_RenamesColumnAndInfersType()
    {
        var path = _files.Write("E-mail Address,Employees\na@example.com,120\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person)
        {
            Mappings = [CsvColumnMapping.Parse("E-mail Address=email"), CsvColumnMapping.Parse("Employees=employee_count")],
        });

        var values = rows.Should().ContainSingle().Which.Record!.Values;
        values["email"].AsText().Should().Be("a@example.com");
        values["employee_count"].AsNumber().Should().Be(120);
        values.ContainsKey("e_mail_address").Should().BeFalse();
    }

    [Fact]
    public async Task ReadAsync_MappingWithType_ParsesValuesAsThatType()
    {
        var path = _files.Write("Zip,Tags,Signed Up\n02134,vip; beta,2026-01-31\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person)
        {
            Mappings = [CsvColumnMapping.Parse("Zip=zip:number"), CsvColumnMapping.Parse("Tags=tags:list"), CsvColumnMapping.Parse("Signed Up=signed_up:text")],
        });

        var values = rows.Should().ContainSingle().Which.Record!.Values;
        values["zip"].AsNumber().Should().Be(2134);
        values["tags"].AsList().Should().Equal("vip", "beta");
        values["signed_up"].AsText().Should().Be("2026-01-31");
    }

    [Theory]
    [InlineData("E-mail Address=email")]
    [InlineData("e-mail address=email")]
    [InlineData("e_mail_address=email")]
    public async Task ReadAsync_MappingColumn_MatchesHeaderExactlyIgnoringCaseOrByKey(string mapping)
    {
        var path = _files.Write("E-mail Address\na@example.com\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { Mappings = [CsvColumnMapping.Parse(mapping)] });

        rows.Should().ContainSingle().Which.Record!.Values.Keys.Should().Equal("email");
    }

    [Fact]
    public async Task ReadAsync_MappingResolvesDuplicateHeaders()
    {
        var path = _files.Write("Email,email\na@example.com,b@example.com\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { Mappings = [CsvColumnMapping.Parse("Email=work_email")] });

        var values = rows.Should().ContainSingle().Which.Record!.Values;
        values["work_email"].AsText().Should().Be("a@example.com");
        values["email"].AsText().Should().Be("b@example.com");
    }

    [Fact]
    public async Task ReadAsync_IdColumn_KeysRowsAndIsNotStoredAsField()
    {
        var path = _files.Write("Contact ID,email\n 003A \"x\",a@example.com\n003B,b@example.com\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { IdColumn = "contact_id", ObjectName = "contacts" });

        rows.Select(r => r.Record!.Key).Should().Equal(
            new SourceRecordKey("people", "contacts", "003A \"x\""),
            new SourceRecordKey("people", "contacts", "003B"));
        rows.Should().OnlyContain(r => r.Record!.Values.Keys.SequenceEqual(new[] { "email" }));
    }

    [Fact]
    public async Task ReadAsync_IdColumnAlsoMapped_Throws()
    {
        var path = _files.Write("id,email\n1,a@example.com\n");

        var act = () => TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { IdColumn = "id", Mappings = [CsvColumnMapping.Parse("id=crm_id")] });

        await act.Should().ThrowAsync<CsvSourceException>().WithMessage("*is the id column*");
    }

    [Fact]
    public async Task ReadAsync_KnownFieldTypes_WinOverInference()
    {
        var path = _files.Write("zip,score,code\n02134,7,42\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person)
        {
            KnownFieldTypes = new Dictionary<string, FieldType> { ["score"] = FieldType.Number, ["code"] = FieldType.Text },
        });

        var values = rows.Should().ContainSingle().Which.Record!.Values;
        values["zip"].AsText().Should().Be("02134");
        values["score"].AsNumber().Should().Be(7);
        values["code"].AsText().Should().Be("42");
    }

    [Fact]
    public async Task ReadAsync_RecordValues_BehaveAsDictionary()
    {
        var path = _files.Write("a,b,c\n1,,x\n");

        var values = (await TempCsv.ReadAsync(path)).Should().ContainSingle().Which.Record!.Values;

        values.Count.Should().Be(2);
        values.Keys.Should().Equal("a", "c");
        values.Values.Should().Equal(FieldValue.FromNumber(1), FieldValue.FromText("x"));
        values.TryGetValue("b", out _).Should().BeFalse();
        values.TryGetValue("missing", out _).Should().BeFalse();
        values["c"].AsText().Should().Be("x");
        var missing = () => values["b"];
        missing.Should().Throw<KeyNotFoundException>();
        values.ToDictionary(p => p.Key, p => p.Value).Should().HaveCount(2);
    }
}
