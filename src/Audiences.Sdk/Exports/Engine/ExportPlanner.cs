using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>
/// Decides what a run does to each record: reads the destination's current values of a chunk of records, then applies
/// the write rules field by field. Runs and write plans share it, so a plan is what the next run does.
/// </summary>
internal sealed class ExportPlanner(
    ExportDefinition definition,
    IDestination destination,
    DestinationDescription description,
    ExportSelection selection,
    DestinationCalls calls)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _fields =
        [.. definition.Mappings.Select(m => m.DestinationField).Concat(definition.Membership.Select(m => m.DestinationField))];

    /// <summary>The most records planned at once: a chunk's keys are read in one call.</summary>
    public static int ChunkSize(DestinationDescription description, ExportOptions options) =>
        Math.Max(1, description.CanRead ? Math.Min(options.BatchSize, description.MaxReadSize) : options.BatchSize);

    /// <summary>Plans a chunk of records, reading their current values when the destination can.</summary>
    /// <exception cref="DestinationUnavailableException">The destination's values could not be read, after the call's retries.</exception>
    public async Task<IReadOnlyList<PlannedRecord>> PlanAsync(IReadOnlyList<ExportCandidate> chunk, CancellationToken cancellationToken)
    {
        // A key taken by an earlier profile of the run stays with it: one write per key and run.
        var keyed = new List<(ExportCandidate Candidate, string? Key, bool Duplicate)>(chunk.Count);
        foreach (var candidate in chunk)
        {
            var key = candidate.Profile is { } profile ? ExportKeys.Of(definition, profile, description.ObjectName) : null;
            keyed.Add((candidate, key, key is not null && candidate.State != ExportCandidateState.Gone && !_keys.Add(key)));
        }

        var held = await ReadAsync([.. keyed.Where(k => k.Key is not null && !k.Duplicate).Select(k => k.Key!)], cancellationToken).ConfigureAwait(false);
        var planned = new List<PlannedRecord>(chunk.Count);
        foreach (var (candidate, key, duplicate) in keyed)
        {
            planned.Add(Plan(candidate, key, duplicate, key is not null && held.TryGetValue(key, out var record) ? record : null));
        }

        return planned;
    }

    private PlannedRecord Plan(ExportCandidate candidate, string? key, bool duplicate, DestinationRecord? current)
    {
        if (candidate.State == ExportCandidateState.Gone)
        {
            return Skip(candidate, key, "no longer exported: merged into another profile, or no longer a member");
        }

        if (key is null)
        {
            return Skip(candidate, null, ExportKeys.Missing(definition));
        }

        if (duplicate)
        {
            return Skip(candidate, key, "another profile of the export has the same key");
        }

        return candidate.State == ExportCandidateState.Left ? PlanExit(candidate, key, current) : PlanMember(candidate, key, current);
    }

    private PlannedRecord PlanMember(ExportCandidate candidate, string key, DestinationRecord? current)
    {
        var profile = candidate.Profile!;
        if (current is null && !definition.CreateNew)
        {
            return Skip(candidate, key, description.CanRead
                ? "not in the destination; creating is off"
                : "the destination cannot say whether it holds the record, and creating is off");
        }

        var fields = new List<ExportPlanField>(_fields.Count);
        foreach (var mapping in definition.Mappings)
        {
            fields.Add(Field(mapping.DestinationField, mapping.Field, profile[mapping.Field], current, mapping.Rule));
        }

        foreach (var membership in definition.Membership)
        {
            var value = selection.IsMember(membership.Audience, profile.Id) ? membership.ValueIn : membership.ValueOut;
            fields.Add(Field(membership.DestinationField, MembershipSource(membership), value, current, WriteRule.Always));
        }

        if (current is null)
        {
            return Sent(candidate, key, ExportPlanAction.Create, DestinationWriteKind.Create, fields, null);
        }

        return fields.Any(f => f.Action == ExportFieldAction.Write)
            ? Sent(candidate, key, ExportPlanAction.Update, DestinationWriteKind.Update, fields, null)
            : new PlannedRecord(candidate, new ExportPlanRecord(candidate.Id, key, ExportPlanAction.Unchanged, fields) { Reason = "unchanged" }, null);
    }

    private PlannedRecord PlanExit(ExportCandidate candidate, string key, DestinationRecord? current)
    {
        var left = $"left audience {definition.Audience}";

        // A destination that cannot read is taken to hold what the export sent it before.
        if (description.CanRead && current is null)
        {
            return Skip(candidate, key, $"{left}, and is not in the destination");
        }

        if (definition.RemoveOnExit)
        {
            var profile = candidate.Profile!;
            var values = definition.Mappings
                .Select(m => (m.DestinationField, Value: profile[m.Field]))
                .Where(v => !v.Value.IsEmpty)
                .ToDictionary(v => v.DestinationField, v => v.Value, StringComparer.Ordinal);
            var plan = new ExportPlanRecord(candidate.Id, key, ExportPlanAction.Remove, []) { Reason = $"{left}; removing on exit is on" };
            return new PlannedRecord(candidate, plan, new DestinationWrite(key, DestinationWriteKind.Remove, values));
        }

        if (definition.Membership.Count == 0)
        {
            return Skip(candidate, key, $"{left}; removing on exit is off");
        }

        var reason = $"{left}: its membership fields get their out values";
        var fields = definition.Membership
            .Select(m => Field(m.DestinationField, MembershipSource(m), m.ValueOut, current, WriteRule.Always))
            .ToList();
        return fields.Any(f => f.Action == ExportFieldAction.Write)
            ? Sent(candidate, key, ExportPlanAction.Update, DestinationWriteKind.Update, fields, reason)
            : new PlannedRecord(candidate, new ExportPlanRecord(candidate.Id, key, ExportPlanAction.Unchanged, fields) { Reason = "unchanged" }, null);
    }

    /// <summary>One field under its rule: a record not held yet has every field empty, so only <see cref="WriteRule.Never"/> keeps it from being written.</summary>
    private static ExportPlanField Field(string destinationField, string source, FieldValue value, DestinationRecord? current, WriteRule rule)
    {
        var now = current?.Values.TryGetValue(destinationField, out var held) == true ? held : FieldValue.Empty;
        var action = rule switch
        {
            WriteRule.Never => ExportFieldAction.SkippedByRule,
            _ when Same(now, value) => ExportFieldAction.Unchanged,
            WriteRule.IfEmpty when !now.IsEmpty => ExportFieldAction.SkippedByRule,
            _ => ExportFieldAction.Write,
        };
        return new ExportPlanField(destinationField, source, value, now, action, rule);
    }

    // Destinations that hold every value as text (CRMs) answer a number written before as "240": what they hold is read
    // in the profile value's type before the two are compared, or every run would write it again.
    private static bool Same(FieldValue held, FieldValue value) =>
        held == value
        || (held.Type == FieldType.Text && value.Type != FieldType.Text && !value.IsEmpty
            && FieldValue.TryParse(held.AsText(), value.Type, out var parsed, out _) && parsed == value);

    private static string MembershipSource(MembershipMapping membership) => $"audience:{membership.Audience}";

    private static PlannedRecord Sent(
        ExportCandidate candidate, string key, ExportPlanAction action, DestinationWriteKind kind, List<ExportPlanField> fields, string? reason)
    {
        var values = fields.Where(f => f.Action == ExportFieldAction.Write).ToDictionary(f => f.DestinationField, f => f.Value, StringComparer.Ordinal);
        return new PlannedRecord(candidate, new ExportPlanRecord(candidate.Id, key, action, fields) { Reason = reason }, new DestinationWrite(key, kind, values));
    }

    private static PlannedRecord Skip(ExportCandidate candidate, string? key, string reason) =>
        new(candidate, new ExportPlanRecord(candidate.Id, key, ExportPlanAction.Skip, []) { Reason = reason }, null);

    private async Task<IReadOnlyDictionary<string, DestinationRecord>> ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (!description.CanRead || keys.Count == 0)
        {
            return new Dictionary<string, DestinationRecord>(StringComparer.Ordinal);
        }

        var request = new DestinationReadRequest(keys, _fields);
        var records = await calls.ExecuteAsync(
            async token =>
            {
                var read = new List<DestinationRecord>(keys.Count);
                await foreach (var record in destination.ReadAsync(request, token).ConfigureAwait(false))
                {
                    read.Add(record);
                }

                return read;
            },
            cancellationToken).ConfigureAwait(false);

        var held = new Dictionary<string, DestinationRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            held.TryAdd(record.Key, record);
        }

        return held;
    }
}
