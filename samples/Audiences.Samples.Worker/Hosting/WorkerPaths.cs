using Audiences.Samples.Worker.Configuration;

namespace Audiences.Samples.Worker.Hosting;

/// <summary>The files the worker opens, as full paths relative to the host's content root.</summary>
internal static class WorkerPaths
{
    /// <summary>The store's file when <c>Audiences:Database</c> is not set.</summary>
    public const string DefaultDatabase = "audiences.db";

    /// <summary>The demo warehouse's file when <c>Audiences:DemoWarehouse</c> is not set.</summary>
    public const string DefaultDemoWarehouse = "warehouse.db";

    /// <summary>The store's file.</summary>
    public static string Database(string? configured, string contentRoot) => Full(configured, DefaultDatabase, contentRoot);

    /// <summary>The demo warehouse's file.</summary>
    public static string DemoWarehouse(SyncWorkerOptions options, string contentRoot) => Full(options.DemoWarehouse, DefaultDemoWarehouse, contentRoot);

    private static string Full(string? configured, string fallback, string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? fallback : configured.Trim(), contentRoot);
}
