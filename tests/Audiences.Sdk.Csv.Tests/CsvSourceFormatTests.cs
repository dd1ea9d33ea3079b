using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv.Tests;

public sealed class CsvSourceFormatTests : IDisposable
{
    private readonly TempCsv _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(false, "\r\n")]
    [InlineData(true, "\n")]
    [InlineData(true, "\r\n")]
    public async Task ReadAsync_BomAndLineEndings_GiveSameRecordsAndLines(bool bom, string newline)
    {
        var path = _files.Write(string.Join(newline, "email,name", "ada@example.com,Ada", "bob@example.com,Bob") + newline, bom: bom);

        var rows = await TempCsv.ReadAsync(path);

        rows.Should().HaveCount(2);
        rows.Select(r => r.Line).Should().Equal(2L, 3L);
        rows[0].Record!.Values.Should().Equal(new Dictionary<string, FieldValue>
        {
            ["email"] = FieldValue.FromText("ada@example.com"),
            ["name"] = FieldValue.FromText("Ada"),
        });
        rows[1].Record!.Values["name"].AsText().Should().Be("Bob");
    }

    [Fact]
    public async Task ReadAsync_LastRowWithoutLineBreak_IsRead()
    {
        var path = _files.Write("email\r\nada@example.com");

        var rows = await TempCsv.ReadAsync(path);

        rows.Should().ContainSingle().Which.Record!.Values["email"].AsText().Should().Be("ada@example.com");
    }

    [Fact]
    public async Task ReadAsync_QuotedValues_KeepCommasQuotesAndLineBreaks()
    {
        var path = _files.Write("company,motto,address\n\"Acme, Inc\",\"We say \"\"hi\"\"\",\"1 Main St\nSpringfield\"\n");

        var values = (await TempCsv.ReadAsync(path)).Should().ContainSingle().Which.Record!.Values;

        values["company"].AsText().Should().Be("Acme, Inc");
        values["motto"].AsText().Should().Be("We say \"hi\"");
        values["address"].AsText().Should().Be("1 Main St\nSpringfield");
    }

    [Fact]
    public async Task ReadAsync_ValuesSpanningLines_LaterRowsGetTheirPhysicalLines()
    {
        var path = _files.Write(
            "name,notes\r\n" +
            "Ada,\"first\r\nsecond\r\nthird\"\r\n" +
            "Bob,plain\r\n" +
            "\r\n" +
            "Cy,\"one\ntwo\"\r\n" +
            "Di,last\r\n");

        var rows = await TempCsv.ReadAsync(path);

        rows.Select(r => r.Line).Should().Equal(2L, 5L, 7L, 9L);
        rows[0].Record!.Values["notes"].AsText().Should().Be("first\r\nsecond\r\nthird");
        rows.Select(r => r.Record!.Key.ExternalId).Should().Equal("1", "2", "3", "4");
    }

    [Fact]
    public async Task ReadAsync_UnicodeValuesAndHeaders_AreKept()
    {
        var path = _files.Write("name,city,Café\nZoë Ærøskøbing,東京 🗼,naïve\n", bom: true);

        var values = (await TempCsv.ReadAsync(path)).Should().ContainSingle().Which.Record!.Values;

        values["name"].AsText().Should().Be("Zoë Ærøskøbing");
        values["city"].AsText().Should().Be("東京 🗼");
        values["cafe"].AsText().Should().Be("naïve");
    }

    [Fact]
    public async Task ReadAsync_EmptyCells_AreLeftOut()
    {
        var path = _files.Write("email,name,title\nada@example.com,,\"\"\n");

        var values = (await TempCsv.ReadAsync(path)).Should().ContainSingle().Which.Record!.Values;

        values.Should().ContainSingle().Which.Key.Should().Be("email");
        values.ContainsKey("name").Should().BeFalse();
    }

    [Fact]
    public async Task ReadAsync_SpacesAroundValues_AreTrimmedButQuotedSpacesKept()
    {
        var path = _files.Write("a,b\n  x  , \" y \" \n");

        var values = (await TempCsv.ReadAsync(path)).Should().ContainSingle().Which.Record!.Values;

        values["a"].AsText().Should().Be("x");
        values["b"].AsText().Should().Be(" y ");
    }

    [Fact]
    public async Task ReadAsync_DefaultOptions_KeyRowsByFileNameKindAndRowNumber()
    {
        var path = _files.Write("email\na@example.com\n\nb@example.com\n", name: "Leads 2026.csv");

        var rows = await TempCsv.ReadAsync(path);

        rows.Select(r => r.Record!.Key).Should().Equal(
            new SourceRecordKey("Leads 2026", "people", "1"),
            new SourceRecordKey("Leads 2026", "people", "2"));
        rows.Should().OnlyContain(r => r.Record!.Kind == EntityKind.Person && r.Record.SourceKind == SourceKind.Csv && r.Record.ObservedAt == null);
    }

    [Fact]
    public async Task ReadAsync_NamesKindAndObservedAt_AreUsed()
    {
        var path = _files.Write("domain\nacme.com\n");
        var observed = new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero);

        var record = (await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Company)
        {
            SourceName = "crm_export",
            ObjectName = "accounts",
            ObservedAt = observed,
        })).Should().ContainSingle().Which.Record!;

        record.Key.Should().Be(new SourceRecordKey("crm_export", "accounts", "1"));
        record.Kind.Should().Be(EntityKind.Company);
        record.ObservedAt.Should().Be(observed);
    }

    [Fact]
    public async Task ReadAsync_SameFileTwice_GivesSameRecords()
    {
        var path = _files.Write("email,score\na@example.com,3\nb@example.com,4\n");
        var source = new CsvSource(new CsvSourceOptions(path, EntityKind.Person));

        var first = new List<Import.SourceRow>();
        await foreach (var row in source.ReadAsync())
        {
            first.Add(row);
        }

        var second = new List<Import.SourceRow>();
        await foreach (var row in source.ReadAsync())
        {
            second.Add(row);
        }

        second.Select(r => r.Record!.Key).Should().Equal(first.Select(r => r.Record!.Key));
        second.Select(r => r.Record!.Values["score"]).Should().Equal(first.Select(r => r.Record!.Values["score"]));
    }

    [Fact]
    public async Task ReadAsync_CancelledToken_ThrowsOperationCanceled()
    {
        var path = _files.Write("email\na@example.com\nb@example.com\n");
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        var act = async () =>
        {
            await foreach (var row in new CsvSource(new CsvSourceOptions(path, EntityKind.Person)).ReadAsync(cancellation.Token))
            {
                read++;
                await cancellation.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        read.Should().Be(1);
    }
}
