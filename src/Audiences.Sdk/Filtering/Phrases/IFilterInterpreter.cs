using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// Turns one plain-language condition ("employee count less than 500") into exactly one filter
/// <see cref="Condition"/>, never a group. The built-in <see cref="PhraseFilterInterpreter"/> works
/// offline; an interpreter backed by a chat model can implement the same contract.
/// </summary>
/// <remarks>Implementations must be safe to call from several threads at once.</remarks>
public interface IFilterInterpreter
{
    /// <summary>Interprets one plain-language condition against the catalog's fields for <paramref name="kind"/>.</summary>
    /// <param name="text">The condition in plain language, e.g. <c>has no work email</c>.</param>
    /// <param name="kind">The entity kind the condition selects.</param>
    /// <param name="catalog">The fields that exist.</param>
    /// <param name="cancellationToken">Cancels the interpretation.</param>
    /// <returns>One condition, bound to the catalog (canonical field names, values of the field's type).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FilterInterpretationException">The text cannot be mapped to one condition; the message lists the known fields.</exception>
    Task<Condition> InterpretAsync(string text, EntityKind kind, IFilterCatalog catalog, CancellationToken cancellationToken = default);
}
