using System.Reflection;
using Audiences.Sdk.Segments;

namespace Audiences.Samples.Worker.Tests;

/// <summary>An audience service whose membership refresh always fails, as a locked store would make it; the worker calls nothing else.</summary>
public class FailingRefreshAudienceService : DispatchProxy
{
    public const string Failure = "database is locked";

    /// <summary>Creates the service.</summary>
    public static IAudienceService Create() => Create<IAudienceService, FailingRefreshAudienceService>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod?.Name == nameof(IAudienceService.RefreshMembershipAsync)
            ? Task.FromException<MembershipRefresh>(new IOException(Failure))
            : throw new NotSupportedException($"{targetMethod?.Name} is not part of this test.");
}
