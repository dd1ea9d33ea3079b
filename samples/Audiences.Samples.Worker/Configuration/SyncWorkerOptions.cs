namespace Audiences.Samples.Worker.Configuration;

/// <summary>
/// The <c>Audiences</c> section of the configuration: where the store is, which SQL providers syncs may use, how often
/// the worker looks for due syncs, and the syncs themselves. Kept as text so every mistake is reported by its path,
/// not thrown by the binder.
/// </summary>
internal sealed class SyncWorkerOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Audiences";

    /// <summary>The store's SQLite file, relative to the content root. Default <c>audiences.db</c>.</summary>
    public string? Database { get; set; }

    /// <summary>The ADO.NET providers SQL syncs may name (<c>sqlite</c>, <c>postgres</c>); empty registers both.</summary>
    public IList<string> SqlProviders { get; } = [];

    /// <summary>The longest sleep between looks for due syncs. Default <c>1m</c>.</summary>
    public string? PollInterval { get; set; }

    /// <summary>Creates the demo warehouse (<see cref="DemoWarehouse"/>) on start when it is missing.</summary>
    public bool SeedDemoWarehouse { get; set; }

    /// <summary>The demo warehouse's SQLite file, relative to the content root. Default <c>warehouse.db</c>.</summary>
    public string? DemoWarehouse { get; set; }

    /// <summary>The syncs to save and run.</summary>
    public IList<SyncSettings> Syncs { get; } = [];
}
