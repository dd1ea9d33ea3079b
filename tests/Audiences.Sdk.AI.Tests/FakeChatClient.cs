using Microsoft.Extensions.AI;

namespace Audiences.Sdk.AI.Tests;

/// <summary>A chat client that answers with given text and records what it was sent.</summary>
internal sealed class FakeChatClient : IChatClient
{
    private readonly Func<CancellationToken, Task<string>> _answer;

    public FakeChatClient(string answer)
        : this(_ => Task.FromResult(answer))
    {
    }

    public FakeChatClient(Func<CancellationToken, Task<string>> answer) => _answer = answer;

    public List<ChatMessage> Messages { get; } = [];

    public ChatOptions? Options { get; private set; }

    public int Calls { get; private set; }

    public string SystemPrompt => Messages.Single(m => m.Role == ChatRole.System).Text;

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        Messages.Clear();
        Messages.AddRange(messages);
        Options = options;
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, await _answer(cancellationToken)));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The interpreter asks for one whole answer.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
