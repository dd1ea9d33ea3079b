using Audiences.Sdk.Segments;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.InMemory.Tests.Specification;

public sealed class InMemoryAudienceSpecification : AudienceSpecification
{
    private readonly Dictionary<IProfileStore, InMemoryAudienceStore> _audiences = [];

    protected override IProfileStore CreateStore() => new InMemoryProfileStore(Clock);

    // An in-memory workspace keeps its audiences as long as its profiles: the same store object answers after a "restart".
    protected override IAudienceStore CreateAudienceStore(IProfileStore profiles) =>
        _audiences.TryGetValue(profiles, out var store) ? store : _audiences[profiles] = new InMemoryAudienceStore();

    protected override void Dispose(bool disposing)
    {
        foreach (var store in _audiences.Values)
        {
            store.Dispose();
        }

        base.Dispose(disposing);
    }
}
