using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Tests.Specification;

/// <summary>A store that breaks one rule: a merged id no longer resolves to its survivor.</summary>
internal sealed class ForgetfulRedirectStore(IProfileStore inner) : DelegatingProfileStore(inner)
{
    public override async ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        await Inner.ResolveAsync(id, cancellationToken) == id ? id : null;

    public override async ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        await Inner.GetProfileAsync(id, cancellationToken) is { } profile && profile.Id == id ? profile : null;
}
