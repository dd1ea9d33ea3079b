using System.Text.Json.Nodes;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Output;

/// <summary>The JSON shapes of audiences, their records, explanations and the membership change feed.</summary>
internal static class AudienceJson
{
    /// <summary>
    /// <c>{"id":1,"name":"...","kind":"person","criteria":"score >= 90","filter":{"version":1,...},"status":"active",
    /// "visibility":"workspace","createdBy":"ana","createdAt":"...","updatedAt":"...","parentId":null,"revision":1,"count":N}</c>.
    /// </summary>
    public static JsonObject Audience(Audience audience, long count) => new()
    {
        ["id"] = audience.Id,
        ["name"] = audience.Name,
        ["kind"] = Names.Kind(audience.Kind),
        ["criteria"] = audience.GetFilter().ToString(),
        ["filter"] = JsonNode.Parse(audience.FilterJson),
        ["status"] = Names.Status(audience.Status),
        ["visibility"] = Names.Visibility(audience.Visibility),
        ["createdBy"] = audience.CreatedBy,
        ["createdAt"] = Formats.IsoTime(audience.CreatedAt),
        ["updatedAt"] = Formats.IsoTime(audience.UpdatedAt),
        ["parentId"] = audience.ParentId,
        ["revision"] = audience.Revision,
        ["count"] = count,
    };

    /// <summary><c>{"audience":1,"state":"active|archived","count":N,"profiles":[...profiles list items],"next":"7"|null}</c>.</summary>
    public static JsonObject Page(Audience audience, MemberState state, long count, MemberPage page) => new()
    {
        ["audience"] = audience.Id,
        ["state"] = Names.State(state),
        ["count"] = count,
        ["profiles"] = new JsonArray(page.Profiles.Select(p => (JsonNode)CliJson.Profile(p)).ToArray()),
        ["next"] = page.Next?.ToString(),
    };

    /// <summary><c>{"audience":1,"profile":"3","action":"archived","changed":true,"state":"archived","count":N}</c>.</summary>
    public static JsonObject Archive(Audience audience, ProfileId profile, bool archive, bool changed, long count) => new()
    {
        ["audience"] = audience.Id,
        ["profile"] = profile.ToString(),
        ["action"] = archive ? "archived" : "restored",
        ["changed"] = changed,
        ["state"] = archive ? "archived" : "active",
        ["count"] = count,
    };

    /// <summary>
    /// <c>{"audience":1,"profile":"3","matches":true,"state":"active|archived"|null,"outcome":{...node},"held":["..."],"failed":["..."]}</c>;
    /// a node is <c>{"text":"...","held":true,"value":...}</c> for a condition (the record's value, null when empty) and
    /// <c>{"text":"...","held":true,"parts":[...]}</c> otherwise.
    /// </summary>
    public static JsonObject Explanation(MembershipExplanation explanation) => new()
    {
        ["audience"] = explanation.AudienceId,
        ["profile"] = explanation.ProfileId.ToString(),
        ["matches"] = explanation.Matches,
        ["state"] = Names.State(explanation.State),
        ["outcome"] = Outcome(explanation.Outcome),
        ["held"] = Texts(explanation.Held),
        ["failed"] = Texts(explanation.Failed),
    };

    /// <summary>
    /// <c>{"audience":1,"profile":{...profiles list item}|null,"filled":[{"field":"title","type":"text","value":...,"source":{...},
    /// "sourceKind":"csv","observedAt":"..."}],"empty":[{"field":"phone","type":"text"}],"previous":"1"|null,"next":"5"|null}</c>.
    /// </summary>
    public static JsonObject Record(long audienceId, RecordDetail? detail) => new()
    {
        ["audience"] = audienceId,
        ["profile"] = detail is null ? null : CliJson.Profile(detail.Profile),
        ["filled"] = new JsonArray((detail?.Filled ?? []).Select(f => (JsonNode)new JsonObject
        {
            ["field"] = f.Field.Key,
            ["type"] = Names.Type(f.Field.Type),
            ["value"] = CliJson.Value(f.Value),
            ["source"] = CliJson.RecordKey(f.Source),
            ["sourceKind"] = Names.SourceKind(f.SourceKind),
            ["observedAt"] = Formats.IsoTime(f.ObservedAt),
        }).ToArray()),
        ["empty"] = new JsonArray((detail?.Empty ?? []).Select(f => (JsonNode)new JsonObject
        {
            ["field"] = f.Key,
            ["type"] = Names.Type(f.Type),
        }).ToArray()),
        ["previous"] = detail?.Previous?.ToString(),
        ["next"] = detail?.Next?.ToString(),
    };

    /// <summary><c>{"fromVersion":N,"toVersion":N,"profilesRead":N,"evaluations":N,"entered":N,"exited":N,"fullEvaluations":N}</c>.</summary>
    public static JsonObject Refresh(MembershipRefresh refresh) => new()
    {
        ["fromVersion"] = refresh.FromVersion,
        ["toVersion"] = refresh.ToVersion,
        ["profilesRead"] = refresh.ProfilesRead,
        ["evaluations"] = refresh.Evaluations,
        ["entered"] = refresh.Entered,
        ["exited"] = refresh.Exited,
        ["fullEvaluations"] = refresh.FullEvaluations,
    };

    /// <summary><c>{"sequence":N,"audience":1,"profile":"3","change":"entered|exited|archived|restored","active":true,"at":"...","profileVersion":N}</c>.</summary>
    public static JsonObject Change(MembershipChange change) => new()
    {
        ["sequence"] = change.Sequence,
        ["audience"] = change.AudienceId,
        ["profile"] = change.ProfileId.ToString(),
        ["change"] = Names.Change(change.Kind),
        ["active"] = change.Active,
        ["at"] = Formats.IsoTime(change.At),
        ["profileVersion"] = change.ProfileVersion,
    };

    private static JsonObject Outcome(FilterOutcome outcome)
    {
        var node = new JsonObject { ["text"] = outcome.Text, ["held"] = outcome.Held };
        if (outcome.Actual is { } actual)
        {
            node["value"] = actual.IsEmpty ? null : CliJson.Value(actual);
        }
        else
        {
            node["parts"] = new JsonArray(outcome.Children.Select(c => (JsonNode)Outcome(c)).ToArray());
        }

        return node;
    }

    private static JsonArray Texts(IEnumerable<FilterOutcome> outcomes) =>
        new(outcomes.Select(o => (JsonNode?)JsonValue.Create(o.Text)).ToArray());
}
