using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Diagnostics;

/// <summary>Source-generated log messages of imports.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug,
        Message = "Import batch {Batch} committed: {Read} read, {Created} created, {Merged} merged, {Rejected} rejected so far")]
    public static partial void BatchCommitted(ILogger logger, long batch, long read, long created, long merged, long rejected);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Related records import committed {Count} records")]
    public static partial void RelatedCommitted(ILogger logger, long count);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "Probabilistic matching compared {Written} written records: {Merged} merged, {Queued} queued for review")]
    public static partial void ProbabilisticPass(ILogger logger, long written, long merged, long queued);
}
