namespace Audiences.Sdk.Testing.Fakes.Salesforce;

/// <summary>A query or ingest job the fake runs: its state, how many polls it still needs, and what it produced.</summary>
internal sealed class SalesforceFakeJob(string id, string objectName, string operation)
{
    public string Id { get; } = id;

    public string ObjectName { get; } = objectName;

    public string Operation { get; } = operation;

    public string State { get; set; } = "Open";

    public int Polls { get; set; }

    public string? ErrorMessage { get; set; }

    public string? ExternalIdField { get; set; }

    /// <summary>The line ending the job's CSV uses: <c>LF</c> (the default) or <c>CRLF</c>.</summary>
    public string LineEnding { get; set; } = "LF";

    public string Upload { get; set; } = string.Empty;

    public List<string> Columns { get; } = [];

    public List<IReadOnlyList<string?>> Rows { get; } = [];

    public List<IReadOnlyList<string?>> Successful { get; } = [];

    public List<IReadOnlyList<string?>> Failed { get; } = [];

    public List<IReadOnlyList<string?>> Unprocessed { get; } = [];

    public string Kind() => Operation is "query" or "queryAll" ? "query" : "ingest";
}
