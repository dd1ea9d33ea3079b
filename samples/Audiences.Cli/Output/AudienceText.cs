using System.Globalization;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Output;

/// <summary>Human-readable views of audiences, their records, explanations and the change feed.</summary>
internal static class AudienceText
{
    /// <summary>How an audience is named in messages: <c>audience 1 'High scorers'</c>.</summary>
    public static string Name(Audience audience) => $"audience {audience.Id} '{audience.Name}'";

    /// <summary>A profile in messages: <c>profile 3 (Alan Turing)</c>, or <c>profile 3</c> when it has no name.</summary>
    public static string Profile(ProfileId id, Profile? profile) =>
        profile is not null && ProfileText.DisplayName(profile) is { Length: > 0 } name ? $"profile {id} ({name})" : $"profile {id}";

    /// <summary>A number of records: <c>1 active record</c>, <c>3 active records</c>.</summary>
    public static string Records(long count, string state) => $"{Formats.Count(count)} {state} record{(count == 1 ? "" : "s")}";

    /// <summary>An audience's definition under a heading line: criteria, status, visibility, creator and the active count.</summary>
    public static void WriteDefinition(TextWriter writer, Audience audience, long count)
    {
        writer.WriteLine($"  kind:       {Names.Kind(audience.Kind)}");
        writer.WriteLine($"  criteria:   {audience.GetFilter()}");
        writer.WriteLine($"  status:     {Names.Status(audience.Status)}");
        writer.WriteLine($"  visibility: {Names.Visibility(audience.Visibility)}");
        writer.WriteLine($"  created by: {audience.CreatedBy}");
        if (audience.ParentId is { } parent)
        {
            writer.WriteLine($"  derived from audience {parent}");
        }

        writer.WriteLine($"  members:    {Records(count, "active")}");
    }

    /// <summary>One row per audience: id, name, kind, status, visibility, creator and active count.</summary>
    public static void WriteTable(TextWriter writer, IReadOnlyList<AudienceSummary> audiences)
    {
        var table = new TextTable("ID", "NAME", "KIND", "STATUS", "VISIBILITY", "CREATOR", "COUNT").AlignRight(0, 6);
        foreach (var (audience, count) in audiences)
        {
            table.Add(
                audience.Id.ToString(CultureInfo.InvariantCulture),
                audience.Name,
                Names.Kind(audience.Kind),
                Names.Status(audience.Status),
                Names.Visibility(audience.Visibility),
                audience.CreatedBy,
                Formats.Count(count));
        }

        table.WriteTo(writer);
    }

    /// <summary>
    /// The criteria as a tree, one node a line: <c>held</c> or <c>failed</c>, the node's text and, for a
    /// condition, the record's value; then the verdict with the stored membership.
    /// </summary>
    public static void WriteExplanation(TextWriter writer, Audience audience, Profile? profile, MembershipExplanation explanation)
    {
        writer.WriteLine($"{Capital(Name(audience))} ({Names.Kind(audience.Kind)}), {Profile(explanation.ProfileId, profile)}:");
        var lines = new List<(string Left, string? Value)>();
        Collect(explanation.Outcome, 1, lines);
        var width = lines.Where(l => l.Value is not null).Select(l => l.Left.Length).DefaultIfEmpty(0).Max();
        foreach (var (left, value) in lines)
        {
            writer.WriteLine(value is null ? left : $"{left.PadRight(width)}   value: {value}");
        }

        var conditions = explanation.Held.Count + explanation.Failed.Count;
        var verdict = explanation.Matches
            ? $"in: the record matches ({Formats.Count(explanation.Held.Count)} of {Formats.Count(conditions)} conditions held)"
            : $"out: the record does not match ({Formats.Count(explanation.Failed.Count)} of {Formats.Count(conditions)} conditions failed: {string.Join("; ", explanation.Failed.Select(f => f.Text))})";
        writer.WriteLine($"Verdict: {verdict}.");
        var stored = Names.State(explanation.State) ?? "not a member";
        var differs = explanation.Matches != (explanation.State is not null)
            ? "; it follows the criteria at the next 'audience refresh'"
            : string.Empty;
        writer.WriteLine($"Stored membership: {stored}{differs}.");
    }

    /// <summary>One record with its filled fields (value and source) and its empty fields, and how to step on.</summary>
    public static void WriteRecord(TextWriter writer, Audience audience, RecordDetail detail)
    {
        writer.WriteLine($"{Capital(Name(audience))}: {Profile(detail.Profile.Id, detail.Profile)}");
        writer.WriteLine($"Filled ({Formats.Count(detail.Filled.Count)}):");
        if (detail.Filled.Count == 0)
        {
            writer.WriteLine("  (none)");
        }
        else
        {
            var table = new TextTable("FIELD", "VALUE", "FROM", "SOURCE KIND", "OBSERVED");
            foreach (var field in detail.Filled)
            {
                table.Add(field.Field.Key, field.Value.ToString(), field.Source.ToString(), Names.SourceKind(field.SourceKind), Formats.Time(field.ObservedAt));
            }

            table.WriteTo(writer, "  ");
        }

        writer.WriteLine($"Empty ({Formats.Count(detail.Empty.Count)}): {(detail.Empty.Count == 0 ? "(none)" : string.Join(", ", detail.Empty.Select(f => f.Key)))}");
        var id = detail.Profile.Id;
        writer.WriteLine(detail.Previous is null
            ? "Previous: none (this is the first record)"
            : $"Previous: {detail.Previous} (audience record {audience.Id} --cursor {id} --previous)");
        writer.WriteLine(detail.Next is null
            ? "Next: none (this is the last record)"
            : $"Next: {detail.Next} (audience record {audience.Id} --cursor {id} --next)");
    }

    /// <summary>One row per feed entry: sequence, audience (with its name while it exists), profile, change, whether active after it, time.</summary>
    public static void WriteChanges(TextWriter writer, IReadOnlyList<MembershipChange> changes, IReadOnlyDictionary<long, string> names)
    {
        var table = new TextTable("SEQ", "AUDIENCE", "PROFILE", "CHANGE", "ACTIVE", "AT").AlignRight(0, 2);
        foreach (var change in changes)
        {
            var audience = names.TryGetValue(change.AudienceId, out var name) ? $"{change.AudienceId} {name}" : $"{change.AudienceId} (deleted)";
            table.Add(
                change.Sequence.ToString(CultureInfo.InvariantCulture),
                audience,
                change.ProfileId.ToString(),
                Names.Change(change.Kind),
                change.Active ? "yes" : "no",
                Formats.Time(change.At));
        }

        table.WriteTo(writer);
    }

    /// <summary>A refresh in one line: what was read and evaluated, and the entries and exits recorded.</summary>
    public static string Refresh(MembershipRefresh refresh)
    {
        var full = refresh.FullEvaluations > 0 ? $", {Formats.Count(refresh.FullEvaluations)} audiences evaluated in full" : string.Empty;
        return $"{Formats.Count(refresh.Entered)} entered, {Formats.Count(refresh.Exited)} exited "
            + $"({Formats.Count(refresh.ProfilesRead)} changed profiles read, {Formats.Count(refresh.Evaluations)} evaluations{full}; "
            + $"profile versions {refresh.FromVersion} to {refresh.ToVersion})";
    }

    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static void Collect(FilterOutcome outcome, int depth, List<(string Left, string? Value)> lines)
    {
        var left = $"{new string(' ', depth * 2)}{(outcome.Held ? "held  " : "failed")}  {outcome.Text}";
        lines.Add((left, outcome.Actual is { } actual ? (actual.IsEmpty ? "(empty)" : actual.ToString()) : null));
        foreach (var child in outcome.Children)
        {
            Collect(child, depth + 1, lines);
        }
    }
}
