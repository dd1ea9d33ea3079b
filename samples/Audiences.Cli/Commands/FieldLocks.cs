using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>What <c>profiles lock</c> and <c>profiles unlock</c> share: reading their arguments, calling the SDK and printing the result.</summary>
internal static class FieldLocks
{
    /// <summary>The <c>ID</c> argument: the profile whose field is locked or unlocked.</summary>
    public static Argument<ProfileId> Id() => CommonOptions.ProfileId("ID", "the profile (a merged id means its survivor)");

    /// <summary>The <c>FIELD</c> argument: a field key.</summary>
    public static Argument<string> Field() => new("FIELD")
    {
        Description = "a field of the profile's catalog, e.g. title ('fields --kind K' lists them)",
        CustomParser = Parsers.One(FieldKey),
    };

    /// <exception cref="InputException">The value is not a field key.</exception>
    private static string FieldKey(string command, string value) =>
        Sdk.Profiles.FieldKey.IsValid(value.Trim())
            ? value.Trim()
            : throw new InputException($"{command}: '{value}' is not a field key; give a snake_case field such as title ('fields --kind K' lists them).");

    /// <summary>Runs a lock or an unlock, turning the SDK's refusals (no such id, field or value; not locked) into bad input naming the profile and field.</summary>
    /// <exception cref="InputException">The SDK refused the change.</exception>
    public static async Task<Profile> ChangeAsync(string command, ProfileId id, string field, Func<Task<Profile>> change)
    {
        try
        {
            return await change();
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or (ArgumentException and not ArgumentNullException))
        {
            var message = e is ArgumentException argument ? ErrorMessages.WithoutParameterName(argument) : e.Message;
            throw new InputException($"{command} {id} {field}: {message}", e);
        }
    }

    /// <summary>Parses VALUE with the type the profile's catalog gives the field, as an import of the value would.</summary>
    /// <exception cref="InputException">There is no such profile or field, or the text does not fit the field's type.</exception>
    public static async Task<FieldValue> ParseAsync(IProfileService profiles, ProfileId id, string field, string text, CancellationToken cancellationToken)
    {
        var profile = await profiles.GetProfileAsync(id, cancellationToken)
            ?? throw new InputException($"profiles lock {id} {field}: No profile ever had the id {id}.");
        var fields = await profiles.GetFieldsAsync(profile.Kind, cancellationToken);
        var definition = fields.FirstOrDefault(f => f.Key == field)
            ?? throw new InputException(
                $"profiles lock {id} {field}: the {Names.Kind(profile.Kind)} catalog has no field '{field}'; 'fields --kind {Names.Kind(profile.Kind)}' lists them.");
        return FieldValue.TryParse(text, definition.Type, out var value, out var error)
            ? value
            : throw new InputException($"profiles lock {id} {field}: {error} The field holds {Names.Type(definition.Type)} values.");
    }

    /// <summary>Prints the profile after the change: <see cref="CliJson.FieldLock"/>, or a headline and the values with their sources.</summary>
    public static void Write(CommandContext context, Profile profile, string field, string headline)
    {
        if (context.Json)
        {
            context.WriteJson(CliJson.FieldLock(profile, field));
            return;
        }

        context.Out.WriteLine(headline);
        context.Out.WriteLine();
        ProfileText.WriteProvenance(context.Out, profile);
    }
}
