using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.Sync;

/// <summary>An in-memory workspace with the sync service over a <see cref="FakeTableSource"/>, on a fake clock.</summary>
internal sealed class SyncFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public SyncFixture(int batchSize = 2, int maxRetries = 2, TimeSpan? batchTimeout = null)
    {
        Workspace = StoreWorkspace.Create(
            b => b.UseInMemory().AddSourceFactory(_ => new FakeSourceFactory(Source)),
            Clock,
            o =>
            {
                o.ImportBatchSize = batchSize;
                o.Sync.MaxRetries = maxRetries;
                o.Sync.RetryDelay = TimeSpan.FromMilliseconds(1);
                o.Sync.BatchTimeout = batchTimeout ?? o.Sync.BatchTimeout;
            });
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public FakeTableSource Source { get; } = new();

    public StoreWorkspace Workspace { get; }

    public ISyncService Syncs => Workspace.Services.GetRequiredService<ISyncService>();

    public IProfileService Profiles => Workspace.Service;

    /// <summary>A sync of the fake table's contacts, incremental on <c>changed_at</c>.</summary>
    public static SyncDefinition Contacts(SyncSchedule? schedule = null, bool timestamp = true) =>
        new("contacts", new SourceSettings(FakeSourceFactory.SourceType, new Dictionary<string, string>()), FakeTableSource.Object, "id")
        {
            TimestampField = timestamp ? "changed_at" : null,
            SourceName = "crm",
            SourceKind = SourceKind.Crm,
            Schedule = schedule ?? SyncSchedule.Manual,
        };

    /// <summary>Puts rows p1..pN with emails, changed one minute apart from <paramref name="from"/>.</summary>
    public void PutPeople(int from, int to, DateTimeOffset? at = null)
    {
        for (var i = from; i <= to; i++)
        {
            Source.Put($"p{i}", (at ?? Start).AddMinutes(i), ("Email", $"p{i}@example.com"), ("Job Title", "Engineer"));
        }
    }

    /// <summary>
    /// Awaits work that sleeps on the fake clock (retry backoff), moving the clock a second at a time until it ends.
    /// </summary>
    public async Task<T> WhileTimePassesAsync<T>(Task<T> work)
    {
        for (var i = 0; i < 10_000 && !work.IsCompleted; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(work, Task.Delay(2));
        }

        return await work;
    }

    public void Dispose() => Workspace.Dispose();
}
