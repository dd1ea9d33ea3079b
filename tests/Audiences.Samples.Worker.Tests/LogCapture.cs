using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Tests;

/// <summary>Keeps every message a host logs, so tests can wait for the worker's events and read what it said.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>Everything logged so far, in order.</summary>
    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>The worker's messages with the event id.</summary>
    public IReadOnlyList<LogEntry> Events(int eventId) => [.. _entries.Where(e => e.EventId.Id == eventId && e.Category.StartsWith("Audiences.Samples.Worker", StringComparison.Ordinal))];

    /// <summary>Waits until a message matches, or fails the test after <paramref name="timeout"/> (default 30 seconds).</summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_entries.FirstOrDefault(match) is { } entry)
            {
                return entry;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("No matching message was logged. Logged:\n" + string.Join("\n", _entries.Select(e => $"{e.Level} {e.Category}[{e.EventId.Id}] {e.Message}")));
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Whether a message matches now or within <paramref name="wait"/>.</summary>
    public async Task<bool> SeenWithinAsync(Func<LogEntry, bool> match, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        do
        {
            if (_entries.Any(match))
            {
                return true;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < until);
        return _entries.Any(match);
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : [];
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception));
        }
    }
}
