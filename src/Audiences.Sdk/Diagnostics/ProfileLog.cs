using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Diagnostics;

/// <summary>Log messages of changes made to profiles outside imports.</summary>
internal static partial class ProfileLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Merge undone: profile {RestoredId} split from {SurvivorId} with {Records} records")]
    public static partial void MergeUndone(ILogger logger, long restoredId, long survivorId, int records);
}
