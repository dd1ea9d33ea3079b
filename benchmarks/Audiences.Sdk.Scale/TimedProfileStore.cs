using System.Diagnostics;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Scale;

/// <summary>A store that hands out <see cref="TimedWriteSession"/>s.</summary>
internal sealed class TimedProfileStore(IProfileStore inner, StageTimes times) : DelegatingProfileStore(inner)
{
    public override async ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var session = await Inner.BeginWriteAsync(cancellationToken);
        times.Add("BeginWrite", started);
        return new TimedWriteSession(session, times);
    }
}
