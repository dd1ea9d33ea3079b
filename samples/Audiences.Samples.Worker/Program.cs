using Audiences.Samples.Worker.Hosting;
using Microsoft.Extensions.Hosting;

// Runs the syncs of appsettings.json on their schedules, and the enrichments, signals and exports the store holds when
// they fall due, until Ctrl+C or SIGTERM (exit 0); exits 1 when the configuration is refused, the store cannot be opened
// or the worker fails, with one line saying why.
return await WorkerHost.RunAsync(Console.Error, () =>
{
    var builder = Host.CreateApplicationBuilder(WorkerArguments.ForHost(args));
    WorkerArguments.Apply(args, builder.Configuration);
    builder.AddSyncWorker();
    return builder;
});
