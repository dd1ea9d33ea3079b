using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// Tries several interpreters in order and returns the first condition one of them finds, e.g. the
/// offline <see cref="PhraseFilterInterpreter"/> first and a chat model only for what it cannot read.
/// </summary>
/// <remarks>Thread-safe when the interpreters it holds are.</remarks>
public sealed class CompositeFilterInterpreter : IFilterInterpreter
{
    private readonly IFilterInterpreter[] _interpreters;

    /// <summary>Creates a composite over <paramref name="interpreters"/>, tried in the order given.</summary>
    /// <param name="interpreters">At least one interpreter.</param>
    /// <exception cref="ArgumentNullException"><paramref name="interpreters"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="interpreters"/> is empty.</exception>
    public CompositeFilterInterpreter(params IEnumerable<IFilterInterpreter> interpreters)
    {
        ArgumentNullException.ThrowIfNull(interpreters);
        _interpreters = [.. interpreters];
        if (_interpreters.Length == 0)
        {
            throw new ArgumentException("Give at least one interpreter.", nameof(interpreters));
        }

        if (Array.IndexOf(_interpreters, null) >= 0)
        {
            throw new ArgumentNullException(nameof(interpreters), "An interpreter is null.");
        }
    }

    /// <summary>The interpreters, in the order they are tried.</summary>
    public IReadOnlyList<IFilterInterpreter> Interpreters => _interpreters;

    /// <inheritdoc />
    /// <remarks>
    /// An interpreter that raises <see cref="FilterInterpretationException"/> passes the text on to the
    /// next one; when every one fails, the last one's error is raised (it lists the known fields). Any
    /// other exception, and cancellation, stops at once.
    /// </remarks>
    public async Task<Condition> InterpretAsync(string text, EntityKind kind, IFilterCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        for (var i = 0; ; i++)
        {
            try
            {
                return await _interpreters[i].InterpretAsync(text, kind, catalog, cancellationToken).ConfigureAwait(false);
            }
            catch (FilterInterpretationException) when (i < _interpreters.Length - 1)
            {
                // The next interpreter may read what this one could not.
            }
        }
    }
}
