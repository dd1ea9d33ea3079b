using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Output;

/// <summary>Human-readable views of profiles.</summary>
internal static class ProfileText
{
    // Fields a source commonly uses for a display name, in the order they are tried. A person's company_name is
    // where they work, not who they are, so it names companies only.
    private static readonly string[] PersonNameFields = ["name", "full_name"];
    private static readonly string[] CompanyNameFields = ["name", "company_name"];

    /// <summary>A name to show for a profile, from its usual name fields; empty when it has none.</summary>
    public static string DisplayName(Profile profile)
    {
        foreach (var field in profile.Kind == EntityKind.Company ? CompanyNameFields : PersonNameFields)
        {
            if (profile[field] is { IsEmpty: false } value)
            {
                return value.ToString();
            }
        }

        return profile.Kind == EntityKind.Company
            ? string.Empty
            : string.Join(' ', new[] { profile["first_name"], profile["last_name"] }.Where(v => !v.IsEmpty).Select(v => v.ToString()));
    }

    /// <summary>One row per profile; a LOCKED column naming the locked fields appears when a profile has one.</summary>
    public static void WriteTable(TextWriter writer, IReadOnlyList<Profile> profiles)
    {
        var anyLocked = profiles.Any(p => LockedFields(p).Any());
        string[] headers = ["ID", "NAME", "ALIASES", "SOURCES", "FIELDS"];
        var table = new TextTable(anyLocked ? [.. headers, "LOCKED"] : headers).AlignRight(0, 4);
        foreach (var profile in profiles)
        {
            string[] cells =
            [
                profile.Id.ToString(),
                DisplayName(profile),
                string.Join(", ", profile.Aliases.Select(a => a.Value)),
                string.Join(", ", profile.Sources.Select(s => s.Key.Source).Distinct(StringComparer.Ordinal)),
                Formats.Count(profile.Values.Count),
            ];
            table.Add(anyLocked ? [.. cells, string.Join(", ", LockedFields(profile))] : cells);
        }

        table.WriteTo(writer);
    }

    /// <summary>The fields whose value is locked (held by a manual source record), in key order.</summary>
    public static IEnumerable<string> LockedFields(Profile profile) =>
        profile.Values.Where(v => v.Value.SourceKind == SourceKind.Manual).Select(v => v.Key).Order(StringComparer.Ordinal);

    /// <summary>Each current value with the source record it came from.</summary>
    public static void WriteProvenance(TextWriter writer, Profile profile, string indent = "  ")
    {
        var table = new TextTable("FIELD", "VALUE", "FROM", "SOURCE KIND", "OBSERVED");
        foreach (var (key, value) in profile.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            table.Add(key, value.Value.ToString(), value.Source.ToString(), Names.SourceKind(value.SourceKind), Formats.Time(value.ObservedAt));
        }

        table.WriteTo(writer, indent);
    }
}
