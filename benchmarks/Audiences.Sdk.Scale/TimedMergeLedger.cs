using System.Diagnostics;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Scale;

/// <summary>Times the merges an import appends to the ledger.</summary>
internal sealed class TimedMergeLedger(IMergeLedger inner, StageTimes times) : DelegatingMergeLedger(inner)
{
    public override async ValueTask AppendMergeAsync(IProfileWriteSession session, MergeRecord merge, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await Inner.AppendMergeAsync(session, merge, cancellationToken);
        times.Add("AppendMerge", started);
    }
}
