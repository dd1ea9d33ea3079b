using System.Text;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Csv.Tests;

/// <summary>CSV read from a stream that can be read only once, as a pipe or standard input.</summary>
public sealed class CsvStreamImportTests : IDisposable
{
    private readonly StoreWorkspace _store = StoreWorkspace.Create(b => b.UseInMemory());
    private readonly IProfileService _profiles;

    public CsvStreamImportTests() =>
        _profiles = _store.Service;

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task ImportCsvAsync_ForwardOnlyStream_ImportsEveryRowWithInferredTypes()
    {
        using var input = new PipeStream("email,age,vip\nada@example.com,36,true\ngrace@example.com,85,false\n");

        var result = await _profiles.ImportCsvAsync(input, new CsvSourceOptions("stdin", EntityKind.Person));

        result.Created.Should().Be(2);
        result.Rejected.Should().Be(0);
        var fields = await _profiles.GetFieldsAsync(EntityKind.Person);
        fields.Single(f => f.Key == "age").Type.Should().Be(FieldType.Number);
        fields.Single(f => f.Key == "vip").Type.Should().Be(FieldType.Boolean);
        var first = await _profiles.ListProfilesAsync(EntityKind.Person).FirstAsync();
        first.Sources.Should().ContainSingle().Which.Key.Should().Be(new SourceRecordKey("stdin", "people", "1"));
        input.ReadToEnd.Should().BeTrue();
    }

    [Fact]
    public async Task ImportCsvAsync_StreamWithABadRow_NamesItsLineAndField()
    {
        using var input = new PipeStream("email,age\nada@example.com,36\ngrace@example.com,85,extra\n");

        var result = await _profiles.ImportCsvAsync(input, new CsvSourceOptions("stdin", EntityKind.Person) { SourceName = "crm" });

        result.Created.Should().Be(1);
        result.Errors.Should().ContainSingle().Which.Line.Should().Be(3);
    }

    [Fact]
    public async Task ImportCsvAsync_EmptyStream_ThrowsNamingTheInput()
    {
        using var input = new PipeStream(string.Empty);

        var act = () => _profiles.ImportCsvAsync(input, new CsvSourceOptions("stdin", EntityKind.Person));

        await act.Should().ThrowAsync<CsvSourceException>().WithMessage("The CSV file 'stdin' is empty*");
    }

    [Fact]
    public async Task ImportCsvAsync_Stream_LeavesNoTemporaryFile()
    {
        var before = Spooled();
        using var input = new PipeStream("domain\nacme.example\n");

        await _profiles.ImportCsvAsync(input, new CsvSourceOptions("stdin", EntityKind.Company));
        var missingColumn = () => _profiles.ImportCsvAsync(
            new PipeStream("domain\nacme.example\n"), new CsvSourceOptions("stdin", EntityKind.Company) { IdColumn = "account" });
        await missingColumn.Should().ThrowAsync<CsvSourceException>();

        Spooled().Should().BeSubsetOf(before);
    }

    [Fact]
    public async Task ImportCsvAsync_InvalidOptions_ThrowBeforeTheStreamIsRead()
    {
        using var input = new PipeStream("email\na@example.com\n");

        var act = () => _profiles.ImportCsvAsync(input, new CsvSourceOptions("stdin", EntityKind.Person) { SampleRows = 0 });

        await act.Should().ThrowAsync<ArgumentException>();
        input.ReadToEnd.Should().BeFalse();
    }

    private static string[] Spooled() => Directory.GetFiles(Path.GetTempPath(), "audiences-csv-*.csv");

    /// <summary>A stream that can be read forward once, like a pipe: no seeking, no length.</summary>
    private sealed class PipeStream(string text) : Stream
    {
        private readonly MemoryStream _inner = new(Encoding.UTF8.GetBytes(text));

        public bool ReadToEnd { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            ReadToEnd |= read == 0;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
