using System.Diagnostics;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Scale;

/// <summary>Times the catalog reads and field registrations of an import.</summary>
internal sealed class TimedFieldCatalog(IFieldCatalog inner, StageTimes times) : DelegatingFieldCatalog(inner)
{
    public override async ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var fields = await Inner.GetFieldsAsync(kind, cancellationToken);
        times.Add("GetFields", started);
        return fields;
    }

    public override async ValueTask UpsertFieldAsync(IProfileWriteSession session, FieldDefinition field, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await Inner.UpsertFieldAsync(session, field, cancellationToken);
        times.Add("UpsertField", started);
    }
}
