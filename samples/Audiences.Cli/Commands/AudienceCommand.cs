using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>What the <c>audience</c> commands share: the acting user, the audience argument and how the service's refusals read.</summary>
internal static class AudienceCommand
{
    public const string UserOption = "--user";

    /// <summary>The user name used when neither --user nor the operating system gives one.</summary>
    public const string FallbackUser = "cli";

    public static readonly ArgumentSpec Id = new("ID", "the audience id (the ID column of 'audience list')");

    public static OptionSpec User(string help) =>
        new(UserOption, "NAME", $"{help} (default: the operating system's user name)");

    /// <summary>--user, else the operating system's user name, else <see cref="FallbackUser"/>.</summary>
    /// <exception cref="InputException">--user is blank.</exception>
    public static string ActingUser(CommandOptions options)
    {
        if (options.Get(UserOption) is { } given)
        {
            return string.IsNullOrWhiteSpace(given)
                ? throw new InputException($"{UserOption} is empty; name the user, e.g. {UserOption} ana.")
                : given.Trim();
        }

        return string.IsNullOrWhiteSpace(Environment.UserName) ? FallbackUser : Environment.UserName.Trim();
    }

    /// <summary>Reads the ID argument and the audience it names.</summary>
    /// <exception cref="InputException">The value is not an id, or no audience has it.</exception>
    public static async Task<Audience> RequireAsync(AudiencesSession session, CommandOptions options, string command, CancellationToken cancellationToken)
    {
        var id = CommandArguments.AudienceId(command, options.GetRequiredArgument(Id.Name));
        return await session.Audiences.GetAsync(id, cancellationToken)
            ?? throw new InputException($"{command} {id}: there is no audience with id {id}; 'audience list' shows the ids.");
    }

    /// <summary>Reads a profile id argument and the profile it names.</summary>
    /// <exception cref="InputException">The value is not a profile id, or no profile ever had it.</exception>
    public static async Task<(ProfileId Id, Profile Profile)> RequireProfileAsync(
        AudiencesSession session, string value, string command, CancellationToken cancellationToken)
    {
        var id = CommandArguments.ProfileId(command, value);
        var profile = await session.Profiles.GetProfileAsync(id, cancellationToken)
            ?? throw new InputException($"{command}: no profile has the id {id}; 'profiles list' shows the ids.");
        return (id, profile);
    }

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
