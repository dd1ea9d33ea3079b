namespace Audiences.Samples.Worker.Hosting;

/// <summary>The event ids of <see cref="WorkerLog"/>, by what they report.</summary>
internal static class WorkerEvents
{
    public const int Started = 500;
    public const int Refused = 501;
    public const int RefusedEarlierKeepsRunning = 502;
    public const int RunSucceeded = 503;
    public const int RunFailed = 504;
    public const int Rejection = 505;
    public const int MoreRejections = 506;
    public const int Refreshed = 507;
    public const int NotRefreshed = 508;
    public const int RefreshFailed = 509;
    public const int Stopping = 510;
    public const int Failed = 511;
    public const int DemoWarehouseCreated = 512;
    public const int DemoWarehouseKept = 513;
    public const int EnrichmentRan = 520;
    public const int EnrichmentFailed = 521;
    public const int EnrichmentWarning = 522;
    public const int EnrichmentRefreshed = 523;
    public const int EnrichmentRefreshFailed = 524;
    public const int SignalRan = 530;
    public const int SignalFailed = 531;
    public const int SignalError = 532;
    public const int MoreSignalErrors = 533;
    public const int ExportRan = 540;
    public const int ExportFailed = 541;
    public const int ExportRecordFailed = 542;
    public const int MoreExportFailures = 543;
}
