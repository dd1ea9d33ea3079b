using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.AI;

namespace Audiences.Sdk.AI;

/// <summary>
/// An <see cref="IFilterInterpreter"/> backed by a chat model through <see cref="IChatClient"/>: the
/// system prompt lists the catalog's fields (path, type, display name, everyday names) and the
/// operators each type allows; the model answers with one condition in the filter JSON form
/// (<c>{"field":"employee_count","op":"&lt;","value":500}</c>), which is read and bound to the
/// catalog before it is returned. Nothing the model says is trusted: an unknown field, an operator
/// the field's type does not allow, a value of the wrong type, a group or an answer that is not JSON
/// is a <see cref="FilterInterpretationException"/> that lists the known fields.
/// </summary>
/// <remarks>Thread-safe when the chat client is (clients of Microsoft.Extensions.AI are meant to be).</remarks>
public sealed class ChatFilterInterpreter : IFilterInterpreter
{
    private readonly IChatClient _chatClient;
    private readonly ChatFilterInterpreterOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an interpreter over a chat client.</summary>
    /// <param name="chatClient">The chat model; the interpreter does not dispose it.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    /// <param name="timeProvider">Gives the prompt today's date (for "signed up after March"); the system clock when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="chatClient"/> is null.</exception>
    public ChatFilterInterpreter(IChatClient chatClient, ChatFilterInterpreterOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        _chatClient = chatClient;
        _options = options ?? new ChatFilterInterpreterOptions();
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Errors of the chat client itself (network, quota) are not interpretation errors and pass through unchanged.</remarks>
    public async Task<Condition> InterpretAsync(string text, EntityKind kind, IFilterCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        cancellationToken.ThrowIfCancellationRequested();
        var fields = PromptField.From(kind, catalog, _options.Synonyms ?? FieldSynonyms.Default);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error(text, kind, fields, "the text is blank; describe one condition, e.g. \"employee count less than 500\".", null);
        }

        var response = await _chatClient.GetResponseAsync(
            [
                new ChatMessage(ChatRole.System, ChatFilterPrompt.SystemPrompt(kind, fields, _timeProvider.GetUtcNow())),
                new ChatMessage(ChatRole.User, text.Trim()),
            ],
            RequestOptions(fields),
            cancellationToken).ConfigureAwait(false);

        var condition = ChatFilterAnswer.Read(response.Text, out var problem, out var cause)
            ?? throw Error(text, kind, fields, problem!, cause);
        try
        {
            return (Condition)FilterBinder.Bind(condition, kind, catalog).Filter;
        }
        catch (FilterBindingException e)
        {
            throw Error(text, kind, fields, $"the chat model's answer `{condition}` does not fit the catalog: {e.Message.TrimEnd('.')}.", e);
        }
    }

    private ChatOptions RequestOptions(IReadOnlyList<PromptField> fields)
    {
        var options = _options.ChatOptions?.Clone() ?? new ChatOptions();
        options.ResponseFormat = _options.UseJsonSchema
            ? ChatResponseFormat.ForJsonSchema(ChatFilterPrompt.Schema(fields), "filter_condition", "One filter condition on a known field, or an error.")
            : ChatResponseFormat.Json;
        return options;
    }

    private static FilterInterpretationException Error(string text, EntityKind kind, IReadOnlyList<PromptField> fields, string problem, Exception? cause)
    {
        var who = kind == EntityKind.Person ? "people" : "companies";
        var known = fields.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
        var listed = known.Count == 0 ? "none (import data first)" : PromptField.List(fields);
        return new FilterInterpretationException(
            $"Could not turn \"{text}\" into a condition: {problem} Known fields for {who}: {listed}.",
            text, known, cause);
    }
}
