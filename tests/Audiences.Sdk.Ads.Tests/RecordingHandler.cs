namespace Audiences.Sdk.Ads.Tests;

/// <summary>A handler that answers every request itself and records "METHOD URL" of each, standing in for a proxy's.</summary>
internal sealed class RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly List<string> _requests = [];

    public IReadOnlyList<string> Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add($"{request.Method} {request.RequestUri}");
        return Task.FromResult(answer(request));
    }
}
