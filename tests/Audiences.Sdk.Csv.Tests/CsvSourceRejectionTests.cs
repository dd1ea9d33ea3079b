using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv.Tests;

public sealed class CsvSourceRejectionTests : IDisposable
{
    private readonly TempCsv _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_WrongColumnCount_RejectsRowAndReadsTheRest()
    {
        var path = _files.Write("email,name\na@example.com,Ada\nb@example.com,Bob,extra\nc@example.com\nd@example.com,Di\n");

        var rows = await TempCsv.ReadAsync(path);

        rows.Should().HaveCount(4);
        rows[1].Error!.Line.Should().Be(3);
        rows[1].Error!.Field.Should().BeNull();
        rows[1].Error!.Record.Should().Be(new SourceRecordKey("people", "people", "2"));
        rows[1].Error!.Message.Should().Contain("3 values but the header has 2 columns").And.Contain("quote values that contain commas");
        rows[2].Error!.Line.Should().Be(4);
        rows[2].Error!.Message.Should().Contain("1 value but the header has 2 columns");
        rows[3].Record!.Values["name"].AsText().Should().Be("Di");
        rows[3].Line.Should().Be(5);
    }

    [Fact]
    public async Task ReadAsync_UnterminatedQuoteAtEndOfFile_RejectsLastRowAfterTheOthers()
    {
        var path = _files.Write("email,name\na@example.com,Ada\nb@example.com,\"Bob\nc@example.com,Cy\n");

        var rows = await TempCsv.ReadAsync(path);

        rows.Should().HaveCount(2);
        rows[0].Record!.Values["name"].AsText().Should().Be("Ada");
        rows[1].Error!.Line.Should().Be(3);
        rows[1].Error!.Message.Should().Contain("never closed").And.Contain("two quotes");
    }

    [Fact]
    public async Task ReadAsync_TextAfterClosingQuote_RejectsRowAndReadsTheRest()
    {
        var path = _files.Write("email,company\na@example.com,\"Acme\" Inc\nb@example.com,Beta\n");

        var rows = await TempCsv.ReadAsync(path);

        rows[0].Error!.Message.Should().Contain("text after its closing quote");
        rows[0].Error!.Line.Should().Be(2);
        rows[1].Record!.Values["company"].AsText().Should().Be("Beta");
    }

    [Fact]
    public async Task ReadAsync_QuoteInsideUnquotedValue_IsKeptAsText()
    {
        var path = _files.Write("name,height\nAda,5'10\"\n");

        var rows = await TempCsv.ReadAsync(path);

        rows.Should().ContainSingle().Which.Record!.Values["height"].AsText().Should().Be("5'10\"");
    }

    [Fact]
    public async Task ReadAsync_ValueNotOfKnownFieldType_RejectsRowNamingFieldAndFix()
    {
        var path = _files.Write("email,Employee Count\na@example.com,10\nb@example.com,abc\nc@example.com,30\n");
        var options = new CsvSourceOptions(path, EntityKind.Person)
        {
            KnownFieldTypes = new Dictionary<string, FieldType> { ["employee_count"] = FieldType.Number },
        };

        var rows = await TempCsv.ReadAsync(options);

        var error = rows[1].Error!;
        error.Line.Should().Be(3);
        error.Field.Should().Be("employee_count");
        error.Record.Should().Be(new SourceRecordKey("people", "people", "2"));
        error.Message.Should().Contain("'abc' is not a number").And.Contain("column 2 'Employee Count'").And.Contain("fix the value");
        rows[0].Record!.Values["employee_count"].AsNumber().Should().Be(10);
        rows[2].Record!.Values["employee_count"].AsNumber().Should().Be(30);
    }

    [Fact]
    public async Task ReadAsync_ValueNotOfTypeInferredFromSample_RejectsRowSuggestingTypedMapping()
    {
        var path = _files.Write("email,score\na@example.com,10\nb@example.com,high\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { SampleRows = 1 });

        rows[0].Record!.Values["score"].AsNumber().Should().Be(10);
        rows[1].Error!.Field.Should().Be("score");
        rows[1].Error!.Message.Should().Contain("inferred").And.Contain("'score=score:text'");
    }

    [Fact]
    public async Task ReadAsync_ValueNotOfMappedType_RejectsRow()
    {
        var path = _files.Write("email,Active\na@example.com,maybe\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { Mappings = [CsvColumnMapping.Parse("Active=is_active:boolean")] });

        rows.Should().ContainSingle().Which.Error!.Message.Should().Contain("'maybe' is not a boolean");
        rows[0].Error!.Field.Should().Be("is_active");
    }

    [Fact]
    public async Task ReadAsync_BlankId_RejectsRow()
    {
        var path = _files.Write("Contact Id,email\nC1,a@example.com\n  ,b@example.com\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { IdColumn = "Contact Id" });

        rows[0].Record!.Key.ExternalId.Should().Be("C1");
        rows[1].Error!.Line.Should().Be(3);
        rows[1].Error!.Field.Should().Be("Contact Id");
        rows[1].Error!.Record.Should().BeNull();
        rows[1].Error!.Message.Should().Contain("is empty").And.Contain("IdColumn");
    }

    [Fact]
    public async Task ReadAsync_DuplicateId_RejectsLaterRowNamingFirstLine()
    {
        var path = _files.Write("id,email\nC1,a@example.com\nC2,b@example.com\nC1,c@example.com\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { IdColumn = "id" });

        rows.Take(2).Should().OnlyContain(r => r.Record != null);
        rows[2].Error!.Line.Should().Be(4);
        rows[2].Error!.Record.Should().Be(new SourceRecordKey("people", "people", "C1"));
        rows[2].Error!.Message.Should().Contain("'C1'").And.Contain("line 2").And.Contain("unique");
    }

    [Fact]
    public async Task ReadAsync_ManyIds_FindsEveryDuplicateExactly()
    {
        var longId = new string('x', 70_000);
        var ids = Enumerable.Range(1, 20_000).Select(i => $"contact-{i:D8}").Append(longId).ToList();
        var duplicates = new[] { ids[0], ids[9_999], longId, ids[19_999] };
        var path = _files.Write("id,email\n" + string.Concat(ids.Concat(duplicates).Select(id => $"{id},a@example.com\n")));

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { IdColumn = "id" });

        rows.Take(ids.Count).Should().OnlyContain(r => r.Record != null);
        rows.Skip(ids.Count).Select(r => r.Error!.Message).Should().SatisfyRespectively(
            m => m.Should().Contain("line 2."),
            m => m.Should().Contain("line 10001."),
            m => m.Should().Contain("line 20002."),
            m => m.Should().Contain("line 20001."));
    }

    [Fact]
    public async Task ReadAsync_RejectedRows_AreNotCountedTwiceInRowNumbers()
    {
        var path = _files.Write("email,name\na@example.com,Ada\nbroken\nc@example.com,Cy\n");

        var rows = await TempCsv.ReadAsync(path);

        rows[2].Record!.Key.ExternalId.Should().Be("3");
    }
}
