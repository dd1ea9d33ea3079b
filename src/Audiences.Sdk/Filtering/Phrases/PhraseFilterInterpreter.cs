using System.Text.RegularExpressions;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// The built-in, offline <see cref="IFilterInterpreter"/>: recognizes common phrasings ("employee
/// count less than 500", "title contains VP", "industry is SaaS or Fintech", "raised funding in the
/// last 6 months", "has no work email", …) and names fields by key, display name or synonym
/// (<see cref="FieldSynonyms"/>). docs/filters.md lists every form.
/// </summary>
/// <remarks>Thread-safe: it holds no state besides its synonym table.</remarks>
public sealed class PhraseFilterInterpreter : IFilterInterpreter
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _synonyms;

    /// <summary>Creates an interpreter with the built-in synonyms.</summary>
    public PhraseFilterInterpreter()
        : this(FieldSynonyms.Default)
    {
    }

    /// <summary>Creates an interpreter with a synonym table (phrase → candidate field keys, tried in order).</summary>
    /// <param name="synonyms">The table; merge with <see cref="FieldSynonyms.Default"/> to extend it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="synonyms"/> is null.</exception>
    public PhraseFilterInterpreter(IReadOnlyDictionary<string, IReadOnlyList<string>> synonyms)
    {
        ArgumentNullException.ThrowIfNull(synonyms);
        _synonyms = synonyms;
    }

    /// <inheritdoc />
    public Task<Condition> InterpretAsync(string text, EntityKind kind, IFilterCatalog catalog, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Interpret(text, kind, catalog));
    }

    /// <summary>Interprets one plain-language condition synchronously; see <see cref="InterpretAsync"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FilterInterpretationException">The text cannot be mapped to one condition.</exception>
    public Condition Interpret(string text, EntityKind kind, IFilterCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        var index = new FieldPhraseIndex(kind, catalog, _synonyms);
        var original = Regex.Replace(text.Trim(), @"\s+", " ").TrimEnd('.', '?', '!', ' ');
        var lowered = original.ToLowerInvariant();
        string? problem = null;
        FieldPath? understoodField = null;
        foreach (var mention in index.FindMentions(lowered))
        {
            var attempt = new PhraseAttempt(original, lowered, mention);
            var condition = attempt.Build(out var reason);
            if (condition is null)
            {
                understoodField ??= reason is null ? null : mention.Phrase.Path;
                problem ??= reason;
                continue;
            }

            try
            {
                return (Condition)FilterBinder.Bind(condition, kind, catalog).Filter;
            }
            catch (FilterBindingException e)
            {
                understoodField ??= mention.Phrase.Path;
                problem ??= e.Message;
            }
        }

        throw Unmappable(text, kind, index, understoodField, problem);
    }

    private static FilterInterpretationException Unmappable(string text, EntityKind kind, FieldPhraseIndex index, FieldPath? field, string? problem)
    {
        var known = index.Fields.Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        var listed = string.Join(", ", index.Fields.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.DisplayName == f.Key ? f.Key : $"{f.Key} ({f.DisplayName})"));
        var who = kind == EntityKind.Person ? "people" : "companies";
        var opening = field is null
            ? $"Could not turn \"{text}\" into a condition: it names no known field."
            : $"Could not turn \"{text}\" into a condition on '{field}'{(problem is null ? "." : ": " + problem.TrimEnd('.') + ".")}";
        var forms = string.Join("; ", PhraseForms.After.Select(f => f.Example)) + "; has no X; has a X; more than N X";
        return new FilterInterpretationException(
            $"{opening} Known fields for {who}: {listed}. Phrasings understood after a field: {forms}. One condition only; combine conditions in a filter group.",
            text, known);
    }
}
