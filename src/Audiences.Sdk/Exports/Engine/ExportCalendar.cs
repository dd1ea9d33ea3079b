namespace Audiences.Sdk.Exports.Engine;

/// <summary>When a recurring export is due: right away when it never ran, then every <see cref="ExportDefinition.Every"/> after its last run started.</summary>
internal static class ExportCalendar
{
    /// <summary>When the export falls due next (in the past when it is due now); null when it runs only by hand.</summary>
    public static DateTimeOffset? NextDue(ExportDefinition definition, ExportRun? lastRun) => definition.Every switch
    {
        null => null,
        _ when lastRun is null => DateTimeOffset.MinValue,
        { } every => lastRun.StartedAt + every,
    };
}
