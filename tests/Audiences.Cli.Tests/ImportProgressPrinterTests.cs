using Audiences.Cli.Output;
using Audiences.Sdk.Import;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Cli.Tests;

public sealed class ImportProgressPrinterTests
{
    [Fact]
    public void Prints_at_most_one_line_per_interval_with_the_rate()
    {
        var time = new FakeTimeProvider();
        using var writer = new StringWriter();
        var printer = new ImportProgressPrinter(writer, TimeSpan.FromSeconds(1), time);

        time.Advance(TimeSpan.FromMilliseconds(500));
        printer.Report(new ImportProgress(1, 1_000, 1_000, 0, 0, 0));
        time.Advance(TimeSpan.FromMilliseconds(1_500));
        printer.Report(new ImportProgress(2, 4_000, 3_900, 50, 10, 40));
        time.Advance(TimeSpan.FromMilliseconds(100));
        printer.Report(new ImportProgress(3, 5_000, 4_900, 50, 10, 40));

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle().Which.Should()
            .Contain("4,000 rows in 2 batches").And.Contain("(2,000 rows/s)").And.Contain("10 merged").And.Contain("40 rejected");
        printer.Last.Read.Should().Be(5_000);
    }

    [Fact]
    public void Without_a_writer_it_only_remembers_the_last_counts()
    {
        var printer = new ImportProgressPrinter(null, TimeSpan.Zero);

        printer.Report(new ImportProgress(7, 70, 60, 5, 1, 4));

        printer.Last.Should().Be(new ImportProgress(7, 70, 60, 5, 1, 4));
    }
}
