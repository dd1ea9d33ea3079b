using Audiences.Cli.Output;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Exports;

/// <summary>Exports, their plans, runs and failures as text for people.</summary>
internal static class ExportText
{
    /// <summary>A record's action as JSON writes it.</summary>
    public static string Action(ExportPlanAction action) => action switch
    {
        ExportPlanAction.Update => "update",
        ExportPlanAction.Create => "create",
        ExportPlanAction.Remove => "remove",
        ExportPlanAction.Unchanged => "unchanged",
        _ => "skip",
    };

    /// <summary>A field's action as JSON writes it.</summary>
    public static string Action(ExportFieldAction action) => action switch
    {
        ExportFieldAction.Write => "write",
        ExportFieldAction.SkippedByRule => "skipped-by-rule",
        _ => "unchanged",
    };

    /// <summary>A record's action in the plan table: <c>will update</c>, <c>would create</c>, <c>would remove</c>, <c>unchanged</c>, <c>skip</c>.</summary>
    public static string Does(ExportPlanAction action) => action switch
    {
        ExportPlanAction.Update => "will update",
        ExportPlanAction.Create => "would create",
        ExportPlanAction.Remove => "would remove",
        ExportPlanAction.Unchanged => "unchanged",
        _ => "skip",
    };

    /// <summary>A field's action in the plan table: <c>will write</c>, <c>skipped by rule (never)</c>, <c>unchanged</c>.</summary>
    public static string Does(ExportPlanField field) => field.Action switch
    {
        ExportFieldAction.Write => "will write",
        ExportFieldAction.SkippedByRule => $"skipped by rule ({ExportRules.Word(field.Rule)})",
        _ => "unchanged",
    };

    /// <summary>A value in a table: <c>-</c> when empty.</summary>
    public static string Value(FieldValue value) => value.IsEmpty ? "-" : Formats.OneLine(value.ToString());

    /// <summary>When it runs on its own: <c>every 24h</c>, or <c>by hand</c>.</summary>
    public static string Schedule(ExportDefinition definition) => definition.Every is { } every ? $"every {Durations.Format(every)}" : "by hand";

    /// <summary>What it exports: <c>audience 3 'Leads'</c> or <c>every person with a key</c>.</summary>
    public static string Audience(long? id, IReadOnlyDictionary<long, string?> names) => id is { } audience
        ? names.GetValueOrDefault(audience) is { } name ? $"audience {audience} '{name}'" : $"audience {audience}"
        : "every profile with a key";

    /// <summary>The definition in a few lines, as <c>export add</c> prints it.</summary>
    public static void WriteDefinition(TextWriter writer, ExportDefinition definition, IReadOnlyDictionary<long, string?> names)
    {
        writer.WriteLine($"Saved export '{definition.Name}' ({Names.Kind(definition.Kind)}, {DestinationText.Summary(definition.Destination)}, {Schedule(definition)}).");
        writer.WriteLine($"Exports: {Audience(definition.Audience, names)}, keyed by {Key(definition)}.");
        writer.WriteLine($"Records: {(definition.CreateNew ? "creates those the destination lacks" : "updates only those the destination holds")}"
            + $"{(definition.RemoveOnExit ? ", removes those that leave the audience" : string.Empty)}; tries each write {definition.MaxAttempts} times.");
        foreach (var mapping in definition.Mappings)
        {
            writer.WriteLine($"  {mapping.Field} -> {mapping.DestinationField} ({ExportRules.Word(mapping.Rule)})");
        }

        foreach (var membership in definition.Membership)
        {
            var outValue = membership.ValueOut.IsEmpty ? "cleared" : $"'{membership.ValueOut}'";
            writer.WriteLine($"  member of {Audience(membership.Audience, names)} -> {membership.DestinationField} ('{membership.ValueIn}', else {outValue})");
        }
    }

    /// <summary>How records are found in the destination: <c>email</c>, or <c>the record id from source 'crm'</c>.</summary>
    public static string Key(ExportDefinition definition) =>
        definition.KeySource is { } source ? $"the record id from source '{source}'" : definition.KeyField;

    /// <summary>One line on a run: <c>completed: sent 4 (3 created, 1 updated), 4 succeeded, 0 failed, 2 skipped</c>.</summary>
    public static string Outcome(ExportRun run)
    {
        var what = new List<string>();
        if (run.Created > 0)
        {
            what.Add($"{Formats.Count(run.Created)} created");
        }

        if (run.Updated > 0)
        {
            what.Add($"{Formats.Count(run.Updated)} updated");
        }

        if (run.Removed > 0)
        {
            what.Add($"{Formats.Count(run.Removed)} removed");
        }

        var line = $"{ExportJson.Status(run.Status)}{(run.Full ? " (full)" : string.Empty)}: sent {Formats.Count(run.Sent)}"
            + (what.Count > 0 ? $" ({string.Join(", ", what)})" : string.Empty)
            + $", {Formats.Count(run.Succeeded)} succeeded, {Formats.Count(run.Failed)} failed, {Formats.Count(run.Skipped)} skipped";
        return run.Duration is { } duration ? $"{line}, in {duration.TotalSeconds:0.0}s" : line;
    }

    /// <summary>The plan as a table: one row per record and destination field.</summary>
    public static void WritePlan(TextWriter writer, string export, IReadOnlyList<ExportPlanRecord> records, int shown, string indent = "")
    {
        var counts = records.GroupBy(r => r.Action).OrderBy(g => g.Key).Select(g => $"{Formats.Count(g.Count())} {Does(g.Key)}");
        writer.WriteLine(indent + (records.Count == 0
            ? $"Export '{export}' has nothing to send: no record is selected."
            : $"Export '{export}' would consider {Formats.Count(records.Count)} record{(records.Count == 1 ? string.Empty : "s")}: {string.Join(", ", counts)}."));
        if (records.Count == 0)
        {
            return;
        }

        var table = new TextTable("PROFILE", "KEY", "RECORD", "FIELD", "VALUE", "CURRENT", "FIELD ACTION");
        foreach (var record in records.Take(shown))
        {
            if (record.Fields.Count == 0)
            {
                table.Add(record.Profile.ToString(), record.Key ?? "-", Does(record.Action), "-", "-", "-", record.Reason ?? "-");
                continue;
            }

            var first = true;
            foreach (var field in record.Fields)
            {
                table.Add(
                    first ? record.Profile.ToString() : string.Empty,
                    first ? record.Key ?? "-" : string.Empty,
                    first ? Does(record.Action) : string.Empty,
                    field.DestinationField,
                    Value(field.Value),
                    Value(field.Current),
                    Does(field));
                first = false;
            }

            // An unchanged record's reason says only that.
            if (record.Reason is { } reason && record.Action != ExportPlanAction.Unchanged)
            {
                table.AddDetail($"{Does(record.Action)}: {reason}");
            }
        }

        table.WriteTo(writer, indent);
        if (shown < records.Count)
        {
            writer.WriteLine($"{indent}... and {Formats.Count(records.Count - shown)} more; --limit shows more, --json gives them all.");
        }
    }

    /// <summary>The runs as a table, newest first.</summary>
    public static void WriteHistory(TextWriter writer, IReadOnlyList<ExportRun> runs, Func<string, string> redact)
    {
        var table = new TextTable("RUN", "STARTED", "TRIGGER", "STATUS", "SENT", "SUCCEEDED", "FAILED", "CREATED", "UPDATED", "REMOVED", "SKIPPED").AlignRight(0, 4, 5, 6, 7, 8, 9, 10);
        foreach (var run in runs)
        {
            table.Add(
                run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Formats.Time(run.StartedAt),
                run.Trigger == ExportTrigger.Schedule ? "schedule" : "manual",
                ExportJson.Status(run.Status) + (run.Full ? " (full)" : string.Empty),
                Formats.Count(run.Sent),
                Formats.Count(run.Succeeded),
                Formats.Count(run.Failed),
                Formats.Count(run.Created),
                Formats.Count(run.Updated),
                Formats.Count(run.Removed),
                Formats.Count(run.Skipped));
            if (run.Failure is { } failure)
            {
                table.AddDetail($"failed: {redact(failure)}");
            }
        }

        table.WriteTo(writer);
    }

    /// <summary>The records whose last write failed, as a table.</summary>
    public static void WriteFailures(TextWriter writer, IReadOnlyList<ExportFailure> failures, Func<string, string> redact)
    {
        var table = new TextTable("PROFILE", "KEY", "ATTEMPTS", "LAST TRY", "NEXT TRY", "REASON").AlignRight(2);
        foreach (var failure in failures)
        {
            table.Add(
                failure.Profile.ToString(),
                failure.Key ?? "-",
                failure.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Formats.Time(failure.LastAttemptAt),
                failure.RetryAt is { } at ? Formats.Time(at) : "gave up",
                redact(failure.Reason));
        }

        table.WriteTo(writer);
    }
}
