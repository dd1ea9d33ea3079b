using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Commands;

/// <summary>Brings audience membership up to date after a command changed profiles, as <c>import csv</c> does.</summary>
internal static class Membership
{
    /// <summary>One refresh after the whole change (not one per batch), and none while there are no audiences.</summary>
    public static async Task<MembershipRefresh?> RefreshAsync(CommandContext context, AudiencesSession session, CancellationToken cancellationToken) =>
        await session.HasAudiencesAsync(cancellationToken)
            ? await context.WithStatusAsync("Bringing audience membership up to date", () => session.Audiences.RefreshMembershipAsync(cancellationToken))
            : null;

    /// <summary>Adds <c>"membership":{...}</c> to a JSON result when there was a refresh.</summary>
    public static void AddTo(JsonObject json, MembershipRefresh? refresh)
    {
        if (refresh is not null)
        {
            json["membership"] = AudienceJson.Refresh(refresh);
        }
    }

    /// <summary>Writes the refresh line of the text output when there was a refresh.</summary>
    public static void Write(TextWriter writer, MembershipRefresh? refresh)
    {
        if (refresh is not null)
        {
            writer.WriteLine($"Audience membership brought up to date: {AudienceText.Refresh(refresh)}.");
        }
    }
}
