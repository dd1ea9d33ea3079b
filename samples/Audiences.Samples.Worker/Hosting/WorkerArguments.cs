using Microsoft.Extensions.Configuration;

namespace Audiences.Samples.Worker.Hosting;

/// <summary>
/// The worker's own command-line switch, <c>--seed-demo</c>. The host's command-line configuration would read a bare
/// <c>--seed-demo</c> as a key waiting for a value (taking the next argument), so it is taken out before the host sees it.
/// </summary>
internal static class WorkerArguments
{
    /// <summary>Creates the demo warehouse on start; the same as <c>Audiences:SeedDemoWarehouse=true</c>.</summary>
    public const string SeedDemo = "--seed-demo";

    /// <summary>The arguments for the host: all but the worker's own switch.</summary>
    public static string[] ForHost(string[] args) => [.. args.Where(a => !IsSeedDemo(a))];

    /// <summary>Applies the worker's own switch to the configuration.</summary>
    public static void Apply(string[] args, IConfigurationManager configuration)
    {
        if (args.Any(IsSeedDemo))
        {
            configuration[$"{Configuration.SyncWorkerOptions.SectionName}:{nameof(Configuration.SyncWorkerOptions.SeedDemoWarehouse)}"] = "true";
        }
    }

    private static bool IsSeedDemo(string arg) => string.Equals(arg, SeedDemo, StringComparison.OrdinalIgnoreCase);
}
