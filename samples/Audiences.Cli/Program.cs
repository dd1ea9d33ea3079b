using Audiences.Cli;
using Audiences.Cli.Cli;

using var cancellation = new CancellationTokenSource();

// The first Ctrl+C asks the running import to stop after its current batch; a second one ends the process at once.
Console.CancelKeyPress += (_, e) =>
{
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

return await CliApp.RunAsync(args, CliEnvironment.FromConsole(), cancellation.Token);
