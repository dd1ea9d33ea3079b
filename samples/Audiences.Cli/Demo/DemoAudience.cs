using Audiences.Cli.Cli;
using Audiences.Cli.Commands;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Demo;

/// <summary>
/// The demo's audience: people with a high lead score at a small company (a condition on the linked
/// company), its members, why the first one is in, and how one changed row of the CRM export moves
/// a person in, as the membership change feed records it.
/// </summary>
internal sealed record DemoAudience(
    Audience Audience,
    long Count,
    IReadOnlyList<Profile> Members,
    Profile? Explained,
    MembershipExplanation? Explanation,
    DemoUpdate Update,
    ImportResult UpdateResult,
    MembershipRefresh Refresh,
    IReadOnlyList<MembershipChange> Changes,
    IReadOnlyDictionary<ProfileId, Profile> Changed,
    long CountAfter)
{
    public const string Name = "Decision makers at small companies";
    public const string Criteria = "lead_score >= 75 and company.employees < 500";

    // Carmen Ruiz heads product at an 18-person company; a lead score of 74 keeps her out until it is raised.
    private const string ContactId = "C-016";
    private const string Column = "Lead Score";
    private const string RaisedScore = "81";

    public static async Task<DemoAudience> RunAsync(CommandContext context, AudiencesSession session, string folder, CancellationToken cancellationToken)
    {
        var definition = new AudienceDefinition(Name, EntityKind.Person, "demo") { Status = AudienceStatus.Active };
        var audience = await context.WithStatusAsync(
            "Evaluating the audience over every person", () => session.Audiences.CreateAsync(definition, Criteria, cancellationToken));
        var count = await session.Audiences.CountAsync(audience.Id, cancellationToken);
        var members = (await session.Audiences.ListMembersAsync(audience.Id, cancellationToken: cancellationToken)).Profiles;
        var explanation = members.Count == 0 ? null : await session.Audiences.ExplainAsync(audience.Id, members[0].Id, cancellationToken);

        var crm = DemoData.Files[0];
        var update = await DemoUpdate.WriteAsync(crm, folder, ContactId, Column, RaisedScore, cancellationToken);
        var before = await session.Audiences.ReadChangesAsync(0, int.MaxValue, cancellationToken);
        var checkpoint = before.Count == 0 ? 0 : before[^1].Sequence;
        var source = crm.ToSourceOptions(DemoData.Folder) with
        {
            Path = update.Path,
            SourceName = crm.SourceName,

            // Exported after the sample files, so its values are the most recent observation.
            ObservedAt = crm.ObservedAt.AddDays(1),
        };
        var result = await CsvImport.RunAsync(context, session.Profiles, source, new ImportOptions(EntityKind.Person), input: null, cancellationToken);
        var refresh = await context.WithStatusAsync(
            "Bringing audience membership up to date", () => session.Audiences.RefreshMembershipAsync(cancellationToken));
        var changes = await session.Audiences.ReadChangesAsync(checkpoint, 100, cancellationToken);
        var changed = new Dictionary<ProfileId, Profile>();
        foreach (var id in changes.Select(c => c.ProfileId).Distinct())
        {
            if (await session.Profiles.GetProfileAsync(id, cancellationToken) is { } profile)
            {
                changed[id] = profile;
            }
        }

        return new DemoAudience(
            audience,
            count,
            members,
            members.Count == 0 ? null : members[0],
            explanation,
            update,
            result,
            refresh,
            changes,
            changed,
            await session.Audiences.CountAsync(audience.Id, cancellationToken));
    }
}
