using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>The field catalog of an <see cref="InMemoryStore"/>; fill counts are counted over the live profiles when asked.</summary>
internal sealed class InMemoryFieldCatalog(InMemoryStore store) : IFieldCatalog
{
    public ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<FieldDefinition>>(store.Read(state => FieldsOf(state, kind)));

    public ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<FieldStatistics>>(store.Read(state =>
        {
            var fields = FieldsOf(state, kind);
            var filled = fields.ToDictionary(f => f.Key, _ => 0L, StringComparer.Ordinal);
            long total = 0;
            foreach (var profile in state.Profiles.Values.Where(p => p.Kind == kind))
            {
                total++;
                foreach (var key in profile.Values.Keys)
                {
                    if (filled.TryGetValue(key, out var count))
                    {
                        filled[key] = count + 1;
                    }
                }
            }

            return fields.Select(f => new FieldStatistics(f, filled[f.Key], total)).ToArray();
        }));

    public ValueTask UpsertFieldAsync(IProfileWriteSession session, FieldDefinition field, CancellationToken cancellationToken = default)
    {
        store.SessionOf(session).UpsertField(field);
        return ValueTask.CompletedTask;
    }

    private static FieldDefinition[] FieldsOf(InMemoryState state, EntityKind kind) =>
        state.Fields.Values.Where(f => f.Kind == kind).OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
}
