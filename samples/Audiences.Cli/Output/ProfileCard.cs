using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Output;

/// <summary>One profile for people to read: its id, name, aliases and sources, then each value with where it came from.</summary>
internal static class ProfileCard
{
    public static void Write(TextWriter writer, Profile profile)
    {
        var name = ProfileText.DisplayName(profile);
        writer.WriteLine($"{Names.Kind(profile.Kind)} {profile.Id}{(name.Length > 0 ? $": {name}" : string.Empty)}");
        writer.WriteLine($"  aliases: {(profile.Aliases.Count == 0 ? "none" : string.Join(", ", profile.Aliases.Select(a => $"{a.Field} {a.Value}")))}");
        writer.WriteLine($"  sources: {string.Join(", ", profile.Sources.Select(s => s.Key.ToString()))}");
        ProfileText.WriteProvenance(writer, profile);
    }
}
