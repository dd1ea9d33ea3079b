using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>The <c>--filter TEXT</c> option of <c>count</c> and <c>profiles list</c>: bound to the database's catalog, evaluated by the store.</summary>
internal static class FilterOption
{
    public const string Name = "--filter";

    /// <summary>
    /// Binds the filter text to the database's field catalog. A syntax or binding error is written
    /// as <c>filter parse</c> writes it (the message, the text and a caret under the place) and
    /// null is returned, for the command to exit with 1.
    /// </summary>
    public static async Task<BoundFilter?> BindAsync(
        CommandContext context, AudiencesSession session, EntityKind kind, string text, CancellationToken cancellationToken)
    {
        try
        {
            return await session.Profiles.BindFilterAsync(kind, text, cancellationToken);
        }
        catch (FilterException e)
        {
            FilterErrorText.Write(context.Error, e, text);
            return null;
        }
    }

    /// <summary>Runs a read the store may refuse for a part of the filter it cannot evaluate, turning the refusal into bad input.</summary>
    /// <exception cref="InputException">The store does not support a part of the filter; the message names it.</exception>
    public static async Task<T> EvaluateAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (NotSupportedException e)
        {
            throw new InputException($"{Name}: {e.Message}", e);
        }
    }
}
