using Audiences.Sdk.AI;
using Audiences.Sdk.Filtering;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the chat-model filter interpreter.</summary>
public static class ChatFilterAudiencesBuilderExtensions
{
    /// <summary>
    /// Makes <see cref="IFilterInterpreter"/> a <see cref="ChatFilterInterpreter"/> over the
    /// <see cref="IChatClient"/> registered in the service collection (register one yourself, e.g.
    /// with <c>services.AddChatClient(...)</c>), in place of the offline <see cref="PhraseFilterInterpreter"/>.
    /// With <see cref="ChatFilterRegistration.PhrasesFirst"/> the offline interpreter is tried first and
    /// the chat model is asked only for what it cannot read. The last call wins.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the interpreter's settings; optional.</param>
    /// <param name="registration">Whether the chat model is used alone or after the offline interpreter.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Raised when the interpreter is resolved and no <see cref="IChatClient"/> is registered.</exception>
    public static IAudiencesBuilder UseChatFilterInterpreter(
        this IAudiencesBuilder builder,
        Action<ChatFilterInterpreterOptions>? configure = null,
        ChatFilterRegistration registration = ChatFilterRegistration.ChatModelOnly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new ChatFilterInterpreterOptions();
        configure?.Invoke(options);
        builder.Services.RemoveAll<IFilterInterpreter>();
        builder.Services.AddSingleton<IFilterInterpreter>(services =>
        {
            var chatClient = services.GetService<IChatClient>() ?? throw new InvalidOperationException(
                "UseChatFilterInterpreter() needs an IChatClient in the service collection; register one (e.g. services.AddChatClient(...)) before resolving IFilterInterpreter.");
            var chat = new ChatFilterInterpreter(chatClient, options, services.GetService<TimeProvider>());
            return registration == ChatFilterRegistration.PhrasesFirst
                ? new CompositeFilterInterpreter(new PhraseFilterInterpreter(options.Synonyms), chat)
                : chat;
        });
        return builder;
    }
}
