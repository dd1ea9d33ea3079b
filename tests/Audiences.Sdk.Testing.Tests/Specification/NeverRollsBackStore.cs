using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Tests.Specification;

/// <summary>A store that breaks one rule: a session disposed without commit is committed anyway.</summary>
internal sealed class NeverRollsBackStore(IProfileStore inner) : DelegatingProfileStore(inner)
{
    public override async ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) =>
        new AutoCommitSession(await Inner.BeginWriteAsync(cancellationToken));

    private sealed class AutoCommitSession(IProfileWriteSession inner) : DelegatingProfileWriteSession(inner)
    {
        private bool _committed;

        public override async ValueTask CommitAsync(CancellationToken cancellationToken = default)
        {
            _committed = true;
            await Inner.CommitAsync(cancellationToken);
        }

        public override async ValueTask DisposeAsync()
        {
            if (!_committed)
            {
                await Inner.CommitAsync();
            }

            await base.DisposeAsync();
        }
    }
}
