using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv.Tests;

public sealed class CsvSourceFileErrorTests : IDisposable
{
    private readonly TempCsv _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_MissingFile_ThrowsNamingFile()
    {
        var path = _files.PathOf("missing.csv");

        var act = () => TempCsv.ReadAsync(path);

        var thrown = await act.Should().ThrowAsync<CsvSourceException>();
        thrown.Which.Message.Should().Contain(path).And.Contain("was not found");
        thrown.Which.FilePath.Should().Be(path);
        thrown.Which.InnerException.Should().BeOfType<FileNotFoundException>();
    }

    [Fact]
    public async Task ReadAsync_MissingDirectory_Throws()
    {
        var act = () => TempCsv.ReadAsync(Path.Combine(_files.Directory, "nowhere", "people.csv"));

        await act.Should().ThrowAsync<CsvSourceException>().WithMessage("*was not found*");
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("", true)]
    [InlineData("\n\r\n   \n", false)]
    public async Task ReadAsync_EmptyFile_ThrowsSayingAHeaderIsNeeded(string text, bool bom)
    {
        var path = _files.Write(text, bom: bom);

        var act = () => TempCsv.ReadAsync(path);

        (await act.Should().ThrowAsync<CsvSourceException>()).Which.Message.Should().Contain(path).And.Contain("is empty").And.Contain("header row");
    }

    [Theory]
    [InlineData(",,\n1,2,3\n")]
    [InlineData("\n \"\" , \n1,2\n")]
    [InlineData("ada@example.com,Ada,Lovelace\nbob@example.com,Bob,Builder\n")]
    [InlineData("Ada,https://www.linkedin.com/in/ada\n")]
    public async Task ReadAsync_FirstLineWithoutColumnNames_ThrowsNoHeader(string text)
    {
        var path = _files.Write(text);

        var act = () => TempCsv.ReadAsync(path);

        await act.Should().ThrowAsync<CsvSourceException>().WithMessage("*has no header row*");
    }

    [Fact]
    public async Task ReadAsync_HeaderWithUnclosedQuote_ThrowsMalformedHeader()
    {
        var path = _files.Write("email,\"name\na@example.com,Ada\n");

        var act = () => TempCsv.ReadAsync(path);

        await act.Should().ThrowAsync<CsvSourceException>().WithMessage("*malformed header row (line 1)*never closed*");
    }

    [Fact]
    public async Task ReadAsync_UnclosedQuoteEarlyInHugeFile_ThrowsInsteadOfBufferingTheFile()
    {
        var filler = string.Concat(Enumerable.Repeat("b@example.com,Bob\n", 1_100_000));
        var path = _files.Write("email,name\na@example.com,\"Ada\n" + filler);

        var act = () => TempCsv.ReadAsync(path);

        await act.Should().ThrowAsync<CsvSourceException>().WithMessage("*longer than 16 MB*closing quote is missing*");
    }

    [Fact]
    public async Task ReadAsync_HeaderOnly_YieldsNothing()
    {
        var path = _files.Write("email,name\r\n");

        var rows = await TempCsv.ReadAsync(path);

        rows.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadAsync_BlankHeaderCell_ThrowsNamingColumn()
    {
        var path = _files.Write("email,,name\na@example.com,x,Ada\n");

        var act = () => TempCsv.ReadAsync(path);

        (await act.Should().ThrowAsync<CsvSourceException>()).Which.Message.Should().Contain("column 2 (no header)").And.Contain("line 1");
    }

    [Fact]
    public async Task ReadAsync_HeaderWithoutLettersOrDigits_ThrowsSuggestingMapping()
    {
        var path = _files.Write("email,###,name\na@example.com,x,Ada\n");

        var act = () => TempCsv.ReadAsync(path);

        (await act.Should().ThrowAsync<CsvSourceException>()).Which.Message.Should().Contain("column 2 '###'").And.Contain("'###=field_key'");
    }

    [Fact]
    public async Task ReadAsync_UnusableHeaderThatIsMapped_IsRead()
    {
        var path = _files.Write("email,###\na@example.com,7\n");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, EntityKind.Person) { Mappings = [CsvColumnMapping.Parse("###=score")] });

        rows.Should().ContainSingle().Which.Record!.Values["score"].AsNumber().Should().Be(7);
    }

    [Fact]
    public async Task ReadAsync_HeadersNormalizingToSameKey_ThrowsNamingBothColumns()
    {
        var path = _files.Write("Email,name,email \na@example.com,Ada,b@example.com\n");

        var act = () => TempCsv.ReadAsync(path);

        (await act.Should().ThrowAsync<CsvSourceException>()).Which.Message
            .Should().Contain("column 1 'Email' and column 3 'email' both give the field 'email'").And.Contain("map one to another field");
    }

    [Fact]
    public async Task ReadAsync_HeaderError_ThrowsBeforeAnyRowIsYielded()
    {
        var path = _files.Write("email,email\na@example.com,b@example.com\n");
        var yielded = 0;

        var act = async () =>
        {
            await foreach (var row in new CsvSource(new CsvSourceOptions(path, EntityKind.Person)).ReadAsync())
            {
                yielded++;
            }
        };

        await act.Should().ThrowAsync<CsvSourceException>();
        yielded.Should().Be(0);
    }
}
