namespace Audiences.Samples.Worker.Configuration;

/// <summary>The source types the worker registers, and the settings each one cannot do without.</summary>
internal static class SyncSource
{
    /// <summary>A SQL query through a registered provider.</summary>
    public const string Sql = "sql";

    /// <summary>A CSV file.</summary>
    public const string Csv = "csv";

    /// <summary>The source types the worker registers.</summary>
    public static IReadOnlyList<string> Types { get; } = [Sql, Csv];

    /// <summary>The settings a source of the type needs.</summary>
    public static IReadOnlyList<string> RequiredSettings(string type) =>
        string.Equals(type, Sql, StringComparison.OrdinalIgnoreCase) ? ["provider", "connection", "query"] : ["path"];
}
