using System.Globalization;
using System.Text;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Csv.Tests;

/// <summary>Files of many rows: order, lines, a failure mid-file, cancellation and stopping early, whatever the source buffers.</summary>
public sealed class CsvSourceStreamingTests : IDisposable
{
    private const int Rows = 5_000;

    private readonly TempCsv _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_ManyRows_ArriveInFileOrderWithTheirLines()
    {
        var path = _files.Write(People(Rows));

        var rows = await TempCsv.ReadAsync(path);

        rows.Should().HaveCount(Rows);
        rows.Select(r => r.Record!.Key.ExternalId).Should().Equal(Enumerable.Range(1, Rows).Select(i => i.ToString(CultureInfo.InvariantCulture)));
        rows.Select(r => r.Line).Should().Equal(Enumerable.Range(2, Rows).Select(i => (long?)i));
        rows.Select(r => r.Record!.Values["score"].AsNumber()).Should().Equal(Enumerable.Range(1, Rows).Select(i => (double)i));
    }

    [Fact]
    public async Task ReadAsync_ReaderFailsMidFile_DeliversTheRowsBeforeItThenTheErrorWithItsLine()
    {
        const int good = 1_300;
        var text = new StringBuilder(People(good));
        text.Append("x@example.com,\"never closed,1\n");
        text.Insert(text.Length, string.Concat(Enumerable.Repeat("b@example.com,Bob,2\n", 1_100_000)));
        var path = _files.Write(text.ToString());
        var read = new List<SourceRow>();

        var act = async () =>
        {
            // Known types: no inference pass, which would meet the broken row before any row is returned.
            var known = new Dictionary<string, FieldType> { ["email"] = FieldType.Text, ["name"] = FieldType.Text, ["score"] = FieldType.Number };
            await foreach (var row in new CsvSource(new CsvSourceOptions(path, EntityKind.Person) { KnownFieldTypes = known }).ReadAsync())
            {
                read.Add(row);
            }
        };

        await act.Should().ThrowAsync<CsvSourceException>().WithMessage($"*row at line {good + 2} longer than 16 MB*");
        read.Should().HaveCount(good);
        read[^1].Line.Should().Be(good + 1);
    }

    [Fact]
    public async Task ReadAsync_CancelledMidFile_StopsAtOnce()
    {
        var path = _files.Write(People(Rows));
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        var act = async () =>
        {
            await foreach (var row in new CsvSource(new CsvSourceOptions(path, EntityKind.Person)).ReadAsync(cancellation.Token))
            {
                if (++read == 700)
                {
                    await cancellation.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        read.Should().Be(700);
    }

    [Fact]
    public async Task ReadAsync_CallerStopsEarly_ReleasesTheFile()
    {
        var path = _files.Write(People(Rows));

        await foreach (var row in new CsvSource(new CsvSourceOptions(path, EntityKind.Person)).ReadAsync())
        {
            row.Line.Should().Be(2);
            break;
        }

        // The reader is stopped and the file closed by the time the loop is left, so it can be rewritten.
        File.WriteAllText(path, "email\n");
        (await TempCsv.ReadAsync(path)).Should().BeEmpty();
    }

    [Fact]
    public async Task ImportCsvAsync_CancelledMidFile_KeepsOnlyWholeBatches()
    {
        var path = _files.Write(People(Rows));
        using var store = StoreWorkspace.Create(b => b.UseInMemory());
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Batches == 2)
            {
                cancellation.Cancel();
            }
        });

        var act = () => store.Service.ImportCsvAsync(
            new CsvSourceOptions(path, EntityKind.Person), new ImportOptions(EntityKind.Person) { BatchSize = 1_000 }, progress, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await store.Service.CountAsync(EntityKind.Person)).Should().Be(2_000);
    }

    private static string People(int count)
    {
        var text = new StringBuilder("email,name,score\n");
        for (var i = 1; i <= count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"p{i}@example.com,Person {i},{i}\n");
        }

        return text.ToString();
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
