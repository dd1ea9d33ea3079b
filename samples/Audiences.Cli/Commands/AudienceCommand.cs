using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>What the <c>audience</c> commands share: the acting user, the audience argument and how the service's refusals read.</summary>
internal static class AudienceCommand
{
    /// <summary>The user name used when neither --user nor the operating system gives one.</summary>
    public const string FallbackUser = "cli";

    /// <summary>The audience argument: an id, or a name looked up among every audience of the workspace.</summary>
    public static Argument<AudienceReference> Audience(string description = "the audience: its id or its name (the ID or NAME column of 'audience list')") => new("AUDIENCE")
    {
        Description = description,
        CustomParser = Parsers.One(AudienceReference.Parse),
    };

    /// <summary><c>--user NAME</c>: the acting user; null when not given.</summary>
    public static Option<string?> User(string description) => new("--user")
    {
        Description = $"{description} (default: the operating system's user name)",
        HelpName = "NAME",
        CustomParser = Parsers.One(value => string.IsNullOrWhiteSpace(value)
            ? throw new InputException("--user is empty; name the user, e.g. --user ana.")
            : value.Trim()),
    };

    /// <summary>--user, else the operating system's user name, else <see cref="FallbackUser"/>.</summary>
    public static string ActingUser(string? given) =>
        given ?? (string.IsNullOrWhiteSpace(Environment.UserName) ? FallbackUser : Environment.UserName.Trim());

    /// <summary>Finds the audience the argument names: by id, or by name among every audience of the workspace, ignoring case.</summary>
    /// <exception cref="InputException">No audience has the id or the name, or several have the name.</exception>
    public static async Task<Audience> RequireAsync(AudiencesSession session, AudienceReference reference, string command, CancellationToken cancellationToken)
    {
        if (reference.Id is { } id)
        {
            return await session.Audiences.GetAsync(id, cancellationToken)
                ?? throw new InputException($"{command} {id}: there is no audience with id {id}; 'audience list' shows the ids.");
        }

        var name = reference.Name!;
        var all = await session.Audiences.ListAsync(cancellationToken);
        var named = all.Where(a => string.Equals(a.Audience.Name, name, StringComparison.OrdinalIgnoreCase)).Select(a => a.Audience).ToList();
        return named.Count switch
        {
            1 => named[0],
            0 when all.Count == 0 => throw new InputException(
                $"{command} '{name}': there is no audience named '{name}'; the workspace has no audiences yet (audience create makes one)."),
            0 => throw new InputException(
                $"{command} '{name}': there is no audience named '{name}'; the audiences are {string.Join(", ", all.Select(a => $"'{a.Audience.Name}'"))}."),
            _ => throw new InputException(
                $"{command} '{name}': {named.Count} audiences are named '{name}' (ids {string.Join(", ", named.Select(a => a.Id))}); give the id instead."),
        };
    }

    /// <summary>Reads the profile a profile id argument names.</summary>
    /// <exception cref="InputException">No profile ever had the id.</exception>
    public static async Task<Profile> RequireProfileAsync(AudiencesSession session, ProfileId id, string command, CancellationToken cancellationToken) =>
        await session.Profiles.GetProfileAsync(id, cancellationToken)
            ?? throw new InputException($"{command}: no profile has the id {id}; 'profiles list' shows the ids.");

    /// <summary>
    /// Runs a call of the audience service, turning its refusals of the input (an unknown id, a taken
    /// name, a profile that is not a member or of the other kind) into one line naming the command.
    /// </summary>
    /// <exception cref="InputException">The service refused the input.</exception>
    public static async Task<T> CallAsync<T>(string command, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException
            || (e is ArgumentException and not ArgumentNullException and not ArgumentOutOfRangeException))
        {
            var message = e is ArgumentException argument ? ErrorMessages.WithoutParameterName(argument) : e.Message;
            throw new InputException($"{command}: {message}", e);
        }
    }

    /// <summary>
    /// Runs a call that binds filter text; a syntax or binding error is written with a caret under the
    /// place (as 'filter parse' writes it) and null is returned, for the command to exit with 1.
    /// </summary>
    /// <exception cref="InputException">The service refused another part of the input.</exception>
    public static async Task<T?> BindAsync<T>(CommandContext context, string command, string text, Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await CallAsync(command, call);
        }
        catch (FilterException e)
        {
            FilterErrorText.Write(context.Error, e, text);
            return null;
        }
    }
}
