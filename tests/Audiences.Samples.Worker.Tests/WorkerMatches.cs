using Audiences.Samples.Worker.Hosting;

namespace Audiences.Samples.Worker.Tests;

/// <summary>Matches for the worker's log events.</summary>
public static class WorkerMatches
{
    /// <summary>A run of the sync that ended (succeeded or failed), with the id.</summary>
    public static Func<LogEntry, bool> Run(string sync, long runId) =>
        e => e.EventId.Id is WorkerEvents.RunSucceeded or WorkerEvents.RunFailed && e["Sync"] == sync && e["RunId"] == runId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The worker's message with the event id about the sync.</summary>
    public static Func<LogEntry, bool> Event(int eventId, string sync) =>
        e => e.EventId.Id == eventId && e["Sync"] == sync;

    /// <summary>The worker's message with the event id.</summary>
    public static Func<LogEntry, bool> Event(int eventId) =>
        e => e.EventId.Id == eventId && e.Category.StartsWith("Audiences.Samples.Worker", StringComparison.Ordinal);
}
