namespace Audiences.Sdk.DependencyInjection;

/// <summary>How <see cref="ChatFilterAudiencesBuilderExtensions.UseChatFilterInterpreter"/> uses the chat model.</summary>
public enum ChatFilterRegistration
{
    /// <summary>Every condition goes to the chat model.</summary>
    ChatModelOnly = 0,

    /// <summary>
    /// The offline <see cref="Filtering.PhraseFilterInterpreter"/> is tried first; only what it cannot
    /// read goes to the chat model (fewer requests, the same answer for the phrasings it knows).
    /// </summary>
    PhrasesFirst = 1,
}
