using Audiences.Sdk.Filtering;
using Microsoft.Extensions.AI;

namespace Audiences.Sdk.AI;

/// <summary>Settings of <see cref="ChatFilterInterpreter"/>.</summary>
public sealed class ChatFilterInterpreterOptions
{
    /// <summary>
    /// Sent with every request (model id, temperature, …); copied per request, and its
    /// <see cref="ChatOptions.ResponseFormat"/> is always replaced. Null sends only the response format.
    /// </summary>
    public ChatOptions? ChatOptions { get; set; }

    /// <summary>
    /// True (the default) asks for JSON that follows a schema of one condition, with the catalog's
    /// field paths and the JSON operator names as enumerations; false asks only for JSON, for
    /// providers that do not accept a schema. The answer is validated either way.
    /// </summary>
    public bool UseJsonSchema { get; set; } = true;

    /// <summary>
    /// The everyday names listed beside each field in the prompt (phrase → candidate field keys, the
    /// first that exists wins); <see cref="FieldSynonyms.Default"/> unless set.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; set; } = FieldSynonyms.Default;
}
