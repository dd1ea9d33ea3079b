using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Testing.Fakes.Salesforce;
using CsCheck;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Salesforce.Tests;

public sealed class SalesforceCsvTests
{
    // Values a CSV writer gets wrong: quotes, commas, CR and LF alone or together, spaces at either end, non-ASCII
    // letters, emoji (surrogate pairs), and the empty string. #N/A itself is Salesforce's null and is left out.
    private static readonly Gen<string> Value =
        Gen.String[Gen.OneOf(Gen.Char["\",\r\n \t;'#\uD83D"], Gen.Char['a', 'z'], Gen.Char["éßЖ漢"]), 0, 12]
            .Select(Wellformed)
            .Where(s => s != SalesforceCsv.NullText);

    private static readonly Gen<string?> NullableValue = Gen.Frequency((1, Gen.Const((string?)null)), (6, Value.Select(v => (string?)v)));

    private static readonly Gen<(string[] Header, string?[][] Rows)> Table =
        Gen.Int[1, 4].SelectMany(columns => Gen.Select(
            Gen.String[Gen.Char['A', 'Z'], 1, 6].Array[columns].Where(h => h.Distinct(StringComparer.Ordinal).Count() == h.Length),
            NullableValue.Array[columns].Array[0, 6]));

    [Fact]
    public void WriteThenRead_GivesBackEveryValue_AndNullAsNA() =>
        Gen.Select(Table, Gen.Bool).Sample((table, crlf) =>
        {
            var text = SalesforceCsv.Write(table.Header, table.Rows, crlf ? SalesforceCsv.Crlf : SalesforceCsv.Lf);
            var read = SalesforceCsv.Read(text);

            read.Header.Should().Equal(table.Header);
            read.Rows.Select(r => r.ToArray()).Should().BeEquivalentTo(table.Rows.Select(r => r.Select(v => v ?? SalesforceCsv.NullText).ToArray()), o => o.WithStrictOrdering(), "the text was {0}", text);
        }, iter: 1000);

    [Fact]
    public void AnUploadReadByTheFake_KeepsEmptyApartFromNull() =>
        Table.Sample(table =>
        {
            var rows = SalesforceFakeCsv.Read(SalesforceCsv.Write(table.Header, table.Rows));

            rows[0].Should().Equal(table.Header);
            rows.Skip(1).Should().BeEquivalentTo(table.Rows.Select(r => r.Select(v => v ?? "#N/A").ToList()), o => o.WithStrictOrdering());
        }, iter: 1000);

    [Fact]
    public void ResultsWrittenByTheFake_AreReadBackExactly_NullAsEmpty() =>
        Gen.Select(Table, Gen.Bool).Sample((table, crlf) =>
        {
            var read = SalesforceCsv.Read(SalesforceFakeCsv.Write(table.Header, table.Rows, crlf ? "CRLF" : "LF"));

            read.Header.Should().Equal(table.Header);
            read.Rows.Select(r => r.ToArray()).Should().BeEquivalentTo(table.Rows.Select(r => r.Select(v => v ?? string.Empty).ToArray()), o => o.WithStrictOrdering());
        }, iter: 1000);

    [Fact]
    public void Write_QuotesEveryValue_DoublesQuotes_AndEndsLinesAsTheJobSays()
    {
        SalesforceCsv.Write(["Id", "Name"], [["0031", "Ada \"the first\", countess"], ["0032", null], ["0033", ""]])
            .Should().Be("\"Id\",\"Name\"\n\"0031\",\"Ada \"\"the first\"\", countess\"\n\"0032\",\"#N/A\"\n\"0033\",\"\"\n");
        SalesforceCsv.Write(["Id"], [["a\nb"]], SalesforceCsv.Crlf).Should().Be("\"Id\"\r\n\"a\nb\"\r\n", "a line break inside a value is kept as it is");
    }

    [Fact]
    public void Write_LeavesFormulaLikeValuesAlone()
    {
        // Salesforce stores what it is sent: a spreadsheet's formula guard would change the data.
        SalesforceCsv.Write(["Phone"], [["+1 555 0100"], ["=1+1"], ["-3"]]).Should().Be("\"Phone\"\n\"+1 555 0100\"\n\"=1+1\"\n\"-3\"\n");
    }

    [Theory]
    [InlineData("\"Id\",\"Name\"\n\"001\",\"Acme\"\n")]
    [InlineData("Id,Name\r\n001,Acme\r\n")]
    [InlineData("Id,Name\n001,Acme")]
    public void Read_TakesQuotedOrBareValues_WithEitherLineEnding(string text)
    {
        var table = SalesforceCsv.Read(text);

        table.Header.Should().Equal("Id", "Name");
        table.Rows.Should().ContainSingle().Which.Should().Equal("001", "Acme");
    }

    [Fact]
    public void Read_KeepsSpacesEmbeddedLineBreaksAndEmptyValues()
    {
        var table = SalesforceCsv.Read("\"Id\",\"Street\",\"Note\"\n\"001\",\"  1 Main St\r\nSuite 2 \",\"\"\n\"002\",,\" \"\n");

        table.Rows.Should().HaveCount(2);
        table.Rows[0].Should().Equal("001", "  1 Main St\r\nSuite 2 ", string.Empty);
        table.Rows[1].Should().Equal("002", string.Empty, " ");
    }

    [Fact]
    public void Read_OfAResultSet_NamesTheSfColumns()
    {
        var table = SalesforceCsv.Read("\"sf__Id\",\"sf__Error\",\"Id\",\"Email\"\n\"\",\"INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--\",\"0404\",\"x@example.com\"\n");

        table.Header.Should().Equal(SalesforceCsv.ResultId, SalesforceCsv.ResultError, "Id", "Email");
        table.Rows[0][0].Should().BeEmpty("sf__Id is empty for a record that was never found");
    }

    [Fact]
    public void Read_OfAnEmptyBodyOrAHeaderAlone_HasNoRows()
    {
        SalesforceCsv.Read(string.Empty).Should().Match<SalesforceCsvTable>(t => t.Header.Count == 0 && t.Rows.Count == 0);
        SalesforceCsv.Read("\"Id\",\"Email\"\n").Should().Match<SalesforceCsvTable>(t => t.Header.Count == 2 && t.Rows.Count == 0);
    }

    [Fact]
    public void Read_OfBrokenQuoting_FailsRatherThanShiftingValues()
    {
        var read = () => SalesforceCsv.Read("\"Id\",\"Name\"\n\"001\",\"Acme\"x,\"2\"\n");

        read.Should().Throw<FormatException>();
    }

    [Theory]
    [InlineData("O'Brien, \"Bob\"")]
    [InlineData("line one\nline two")]
    [InlineData("crlf\r\ninside")]
    [InlineData("  padded  ")]
    [InlineData("Zoë 漢字 😀")]
    [InlineData("#N/A is Salesforce's null, but \"#N/A\" inside text is text")]
    public async Task AValueWrittenThroughTheDestination_IsReadBackAsItWasByTheSource(string value)
    {
        await using var org = await SalesforceTestOrg.StartAsync();
        org.PutContact("0031", "ada@example.com", SalesforceTestOrg.Start);
        var destination = new SalesforceDestinationFactory(Options.Create(org.Options)).Create(new DestinationSettings("salesforce", org.Settings("Contact", ("fields", "Description"))));

        var results = await destination.WriteAsync([new DestinationWrite("0031", DestinationWriteKind.Update, new Dictionary<string, FieldValue> { ["Description"] = FieldValue.FromText(value) })]);
        var batches = await SalesforceTestOrg.ReadAllAsync(org.Source("Contact", ("fields", "Id, Email, Description")), new SourceReadRequest("Contact", SourceReadMode.Full, "Id"));

        results.Should().ContainSingle().Which.Succeeded.Should().BeTrue();
        org.Fake.Find("Contact", "0031")!["Description"].Should().Be(value);
        batches.SelectMany(b => b.Items).Should().ContainSingle().Which.Values["Description"].ToString().Should().Be(value);
    }

    [Fact]
    public async Task AnEmptyValueWrittenThroughTheDestination_ClearsTheField_AndAFieldNotNamedIsKept()
    {
        await using var org = await SalesforceTestOrg.StartAsync();
        org.Fake.Put("Contact", "0031", new Dictionary<string, string?> { ["Title"] = "CTO", ["Phone"] = "555" }, SalesforceTestOrg.Start);
        org.Fake.Put("Contact", "0032", new Dictionary<string, string?> { ["Title"] = "CEO", ["Phone"] = "556" }, SalesforceTestOrg.Start);
        var destination = new SalesforceDestinationFactory(Options.Create(org.Options)).Create(new DestinationSettings("salesforce", org.Settings("Contact")));

        // One job for both: its Phone column is empty for 0032, which Salesforce ignores.
        await destination.WriteAsync(
        [
            new DestinationWrite("0031", DestinationWriteKind.Update, new Dictionary<string, FieldValue> { ["Title"] = FieldValue.Empty, ["Phone"] = FieldValue.FromText("557") }),
            new DestinationWrite("0032", DestinationWriteKind.Update, new Dictionary<string, FieldValue> { ["Title"] = FieldValue.FromText("COO") }),
        ]);

        org.Fake.Find("Contact", "0031")!.Should().Contain("Title", null).And.Contain("Phone", "557");
        org.Fake.Find("Contact", "0032")!.Should().Contain("Title", "COO").And.Contain("Phone", "556");
    }

    // A lone high surrogate is no text; it becomes a whole emoji so generated values are valid UTF-16.
    private static string Wellformed(string text) => text.Replace("\uD83D", "\uD83D\uDE00", StringComparison.Ordinal);
}
