using System.Globalization;
using Audiences.Cli.Cli;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>Reads the values commands share, naming the command or option and the value when one is wrong.</summary>
internal static class CommandArguments
{
    /// <exception cref="InputException">The value is not a profile id.</exception>
    public static ProfileId ProfileId(string command, string value) =>
        Sdk.Profiles.ProfileId.TryParse(value.Trim(), out var id)
            ? id
            : throw new InputException($"{command}: '{value}' is not a profile id; give the number shown by 'profiles list' or 'merges'.");

    /// <exception cref="InputException">The value is not a whole number of at least 1.</exception>
    public static int Limit(string option, string value) =>
        int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : throw new InputException($"{option} '{value}' is not a page size; give a whole number of at least 1, e.g. {option} 50.");

    /// <exception cref="InputException">The value is not a review id.</exception>
    public static long ReviewId(string command, string value) =>
        long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw new InputException($"{command}: '{value}' is not a review id; give the number shown by 'review list'.");
}
