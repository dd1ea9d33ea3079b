using Audiences.Cli.Commands;

namespace Audiences.Cli.Exports;

/// <summary>A <c>--membership</c> as given, before its audience is looked up.</summary>
internal sealed record MembershipText(AudienceReference Audience, string DestinationField, string ValueIn, string? ValueOut);
