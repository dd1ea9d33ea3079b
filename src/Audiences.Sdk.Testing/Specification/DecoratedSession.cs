using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// A write session wrapped in a decorator that changes nothing, as a host's logging or metrics decorator would:
/// the other contracts must find their store's session behind it.
/// </summary>
internal sealed class DecoratedSession(IProfileWriteSession inner) : DelegatingProfileWriteSession(inner);
