using Audiences.Sdk.Import;
using Spectre.Console;

namespace Audiences.Cli.Output;

/// <summary>
/// Draws an import on the terminal: a bar over the file's data rows with the counts so far (a spinner
/// when the number of rows is not known, as for standard input), then, for an import with probabilistic
/// matching, a spinner while that pass runs, since the SDK reports nothing during it.
/// </summary>
/// <remarks>The SDK reports on the importing thread; Spectre's tasks may be updated from any thread.</remarks>
internal sealed class ImportProgressBar(string name, long? rows, bool fuzzy) : IProgress<ImportProgress>
{
    private ProgressTask? _rows;
    private ProgressTask? _matching;

    /// <summary>The counts of the last committed batch.</summary>
    public ImportProgress Last { get; private set; }

    /// <summary>Runs the import with the bar drawn on <paramref name="terminal"/>; the last frame stays on screen.</summary>
    public Task<T> RunAsync<T>(IAnsiConsole terminal, Func<Task<T>> import) =>
        new Progress(terminal) { AutoClear = false, HideCompleted = false, ExcludeVerticalPadding = true }
            .Columns(Columns())
            .StartAsync(async context =>
            {
                _rows = context.AddTask(Describe(default), maxValue: Math.Max(rows ?? 1, 1));
                _rows.IsIndeterminate = rows is null;

                // Without a row count the end of reading cannot be told from the probabilistic pass.
                _matching = fuzzy && rows is not null ? context.AddTask("probabilistic matching", autoStart: false) : null;
                if (_matching is not null)
                {
                    _matching.IsIndeterminate = true;
                }

                var result = await import();
                Finish(_rows);
                if (_matching is not null)
                {
                    Finish(_matching);
                }

                return result;
            });

    public void Report(ImportProgress value)
    {
        Last = value;
        if (_rows is null)
        {
            return;
        }

        _rows.Description = Describe(value);
        if (rows is not { } total)
        {
            return;
        }

        _rows.Value = Math.Min(value.Read, total);

        // The rows are all read once the count reaches the file's: what follows is the probabilistic pass.
        if (value.Read >= total && _matching is { IsStarted: false })
        {
            Finish(_rows);
            _matching.StartTask();
        }
    }

    // A percentage of an unknown number of rows would say nothing.
    private ProgressColumn[] Columns() => rows is null
        ? [new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn()]
        : [new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn()];

    private string Describe(ImportProgress value) => Markup.Escape(
        $"{name}: {Formats.Count(value.Read)} rows, {Formats.Count(value.Created)} created, {Formats.Count(value.Updated)} updated, "
        + $"{Formats.Count(value.Merged)} merged, {Formats.Count(value.Rejected)} rejected");

    private static void Finish(ProgressTask task)
    {
        task.IsIndeterminate = false;
        task.Value = task.MaxValue;
        task.StopTask();
    }
}
