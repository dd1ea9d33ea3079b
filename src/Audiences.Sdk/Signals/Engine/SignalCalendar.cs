namespace Audiences.Sdk.Signals.Engine;

/// <summary>When a recurring signal is due: right away when it never ran, then every <see cref="SignalDefinition.Every"/> after its last run started.</summary>
internal static class SignalCalendar
{
    /// <summary>When the signal falls due next (in the past when it is due now); null when it runs only by hand.</summary>
    public static DateTimeOffset? NextDue(SignalDefinition definition, SignalRun? lastRun) => definition.Every switch
    {
        null => null,
        _ when lastRun is null => DateTimeOffset.MinValue,
        { } every => lastRun.StartedAt + every,
    };
}
