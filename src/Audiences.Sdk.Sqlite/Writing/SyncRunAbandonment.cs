using System.Globalization;
using Audiences.Sdk.Sync;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>How a run left running past the stale time is recorded when a new run of its sync starts.</summary>
internal static class SyncRunAbandonment
{
    /// <summary>The run failed: it ends when the new run found it abandoned, and says so.</summary>
    public static SyncRun Fail(SyncRun abandoned, SyncRun next, DateTimeOffset staleBefore) => abandoned with
    {
        Status = SyncRunStatus.Failed,
        FinishedAt = next.StartedAt,
        Failure = string.Create(CultureInfo.InvariantCulture,
            $"Abandoned: still marked running when run {next.Id} started at {next.StartedAt:O}, having started before {staleBefore:O}; its process stopped without finishing it."),
    };
}
