using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Diagnostics;

/// <summary>Log messages of audiences and their membership.</summary>
internal static partial class AudienceLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information,
        Message = "Audience {AudienceId} '{Name}' evaluated in full: {Entered} entered, {Exited} exited")]
    public static partial void Evaluated(ILogger logger, long audienceId, string name, long entered, long exited);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information,
        Message = "Membership refreshed from version {FromVersion} to {ToVersion}: {Profiles} changed profiles, {Evaluations} evaluations, {Entered} entered, {Exited} exited")]
    public static partial void Refreshed(ILogger logger, long fromVersion, long toVersion, long profiles, long evaluations, long entered, long exited);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Audience {AudienceId} '{Name}' deleted; {Exited} members exited")]
    public static partial void Deleted(ILogger logger, long audienceId, string name, long exited);
}
