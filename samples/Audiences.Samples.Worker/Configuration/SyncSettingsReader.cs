using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Samples.Worker.Configuration;

/// <summary>
/// Turns one configured sync into a <see cref="SyncDefinition"/>, or lists everything wrong with it by configuration
/// path. It checks all that needs no source; what needs one (a field, a file, a database) is checked when the
/// worker saves the definition.
/// </summary>
/// <param name="contentRoot">The folder relative file paths are read from.</param>
/// <param name="enabledProviders">The SQL provider names the worker registered.</param>
internal sealed class SyncSettingsReader(string contentRoot, IReadOnlyCollection<string> enabledProviders)
{
    private readonly SourceSettingsReader _sourceSettings = new(contentRoot, enabledProviders);

    /// <summary>Reads the sync at <c>Audiences:Syncs:{index}</c>.</summary>
    public SyncReading Read(SyncSettings sync, int index)
    {
        var path = $"{SyncWorkerOptions.SectionName}:Syncs:{index}";
        var problems = new List<string>();
        var name = Required(sync.Name, $"{path}:Name", "name the sync, e.g. 'warehouse-contacts'", problems);
        if (name is not null && name.Contains('/', StringComparison.Ordinal))
        {
            problems.Add($"{path}:Name is '{name}', which holds a '/'; name the sync with a word such as 'crm-contacts'");
        }

        var type = SourceType(sync.SourceType, $"{path}:SourceType", problems);
        var settings = _sourceSettings.Read(sync, type, path, problems);
        var objectName = ObjectName(sync, settings, name, path, problems);
        var idField = Required(sync.IdField, $"{path}:IdField", "name the field that identifies a record, e.g. 'id'", problems);
        var timestampField = Blank(sync.TimestampField) ? null : sync.TimestampField!.Trim();
        var kind = Kind(sync.Kind, $"{path}:Kind", problems);
        var sourceKind = SourceKind(sync.SourceKind, type, $"{path}:SourceKind", problems);
        var mappings = Mappings(sync.Mappings, $"{path}:Mappings", problems);
        var matchOn = MatchOn(sync.MatchOn, $"{path}:MatchOn", problems);
        var schedule = ScheduleReader.Read(sync.Schedule, $"{path}:Schedule", timestampField is not null, problems);
        if (problems.Count > 0)
        {
            return new SyncReading(null, problems);
        }

        var definition = new SyncDefinition(name!, new SourceSettings(type!, settings), objectName!, idField!)
        {
            Kind = kind,
            Mappings = mappings,
            MatchOn = matchOn,
            TimestampField = timestampField,
            SourceName = Blank(sync.SourceName) ? null : sync.SourceName!.Trim(),
            SourceKind = sourceKind,
            Schedule = schedule!,
        };
        return new SyncReading(definition, []);
    }

    private static string? SourceType(string? text, string path, List<string> problems)
    {
        var type = Required(text, path, $"use one of {string.Join(", ", SyncSource.Types)}", problems);
        if (type is null)
        {
            return null;
        }

        if (SyncSource.Types.FirstOrDefault(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return known;
        }

        problems.Add($"{path} is '{type}', which is no source type this worker registers; use one of {string.Join(", ", SyncSource.Types)}");
        return null;
    }

    /// <summary>The sync's object and the source's <c>object</c> setting must agree, so the object is stored in both.</summary>
    private static string? ObjectName(SyncSettings sync, Dictionary<string, string> settings, string? name, string path, List<string> problems)
    {
        var configured = Blank(sync.Object) ? null : sync.Object!.Trim();
        var setting = settings.TryGetValue("object", out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        if (configured is not null && setting is not null && !string.Equals(configured, setting, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{path}:Object is '{configured}' but {path}:Settings:object is '{setting}'; keep one");
            return null;
        }

        var objectName = configured ?? setting ?? name;
        if (objectName is not null)
        {
            settings["object"] = objectName;
        }

        return objectName;
    }

    private static EntityKind Kind(string? text, string path, List<string> problems)
    {
        if (Blank(text))
        {
            return EntityKind.Person;
        }

        switch (text!.Trim().ToLowerInvariant())
        {
            case "person":
                return EntityKind.Person;
            case "company":
                return EntityKind.Company;
            default:
                problems.Add($"{path} is '{text}', which is no kind; use person or company");
                return EntityKind.Person;
        }
    }

    private static SourceKind SourceKind(string? text, string? type, string path, List<string> problems)
    {
        if (Blank(text))
        {
            return type == SyncSource.Csv ? Sdk.Profiles.SourceKind.Csv : Sdk.Profiles.SourceKind.Warehouse;
        }

        if (SourceKindNames.TryParse(text, out var kind))
        {
            return kind;
        }

        problems.Add($"{path} is '{text}', which is no source kind; use one of {string.Join(", ", SourceKindNames.All)}");
        return Sdk.Profiles.SourceKind.Warehouse;
    }

    private static List<FieldMapping> Mappings(IList<string> texts, string path, List<string> problems)
    {
        var mappings = new List<FieldMapping>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (MappingText.TryParse(texts[i], out var mapping, out var problem))
            {
                mappings.Add(mapping!);
            }
            else
            {
                problems.Add($"{path}:{i} {problem}");
            }
        }

        return mappings;
    }

    private static List<string>? MatchOn(IList<string> fields, string path, List<string> problems)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (!FieldKey.IsValid(fields[i]?.Trim()))
            {
                problems.Add($"{path}:{i} is '{fields[i]}', which is no field key; use snake_case such as 'email'");
            }
        }

        return fields.Count == 0 ? null : [.. fields.Select(f => f.Trim())];
    }

    private static string? Required(string? text, string path, string hint, List<string> problems)
    {
        if (Blank(text))
        {
            problems.Add($"{path} is missing; {hint}");
            return null;
        }

        return text!.Trim();
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
