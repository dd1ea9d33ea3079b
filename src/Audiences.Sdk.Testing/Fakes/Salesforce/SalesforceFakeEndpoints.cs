namespace Audiences.Sdk.Testing.Fakes.Salesforce;

/// <summary>The names <see cref="SalesforceFake.Calls"/> counts calls under, one per Bulk API 2.0 endpoint.</summary>
public static class SalesforceFakeEndpoints
{
    /// <summary><c>POST jobs/query</c>: creates a query job.</summary>
    public const string QueryCreate = "query.create";

    /// <summary><c>GET jobs/query/{id}</c>: polls a query job.</summary>
    public const string QueryPoll = "query.poll";

    /// <summary><c>GET jobs/query/{id}/results</c>: reads a page of a query job's results.</summary>
    public const string QueryResults = "query.results";

    /// <summary><c>POST jobs/ingest</c>: creates an ingest job.</summary>
    public const string IngestCreate = "ingest.create";

    /// <summary><c>PUT jobs/ingest/{id}/batches</c>: uploads an ingest job's CSV.</summary>
    public const string IngestUpload = "ingest.upload";

    /// <summary><c>PATCH jobs/ingest/{id}</c>: closes (or aborts) an ingest job.</summary>
    public const string IngestClose = "ingest.close";

    /// <summary><c>GET jobs/ingest/{id}</c>: polls an ingest job.</summary>
    public const string IngestPoll = "ingest.poll";

    /// <summary><c>GET jobs/ingest/{id}/successfulResults</c>, <c>failedResults</c> or <c>unprocessedrecords</c>.</summary>
    public const string IngestResults = "ingest.results";
}
