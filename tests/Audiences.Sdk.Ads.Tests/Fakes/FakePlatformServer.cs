using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Ads.Tests.Fakes;

/// <summary>
/// A fake ad platform on 127.0.0.1 (Kestrel, a random port) that speaks the platform's protocol: it checks the
/// credentials and the request shape, keeps the audience's members, and fails on demand. Every protocol violation it
/// sees is answered as the platform would and recorded in <see cref="Violations"/>, so tests can assert there were none.
/// </summary>
public abstract class FakePlatformServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Func<HttpContext, Task>> _failures = [];
    private readonly List<string> _violations = [];
    private readonly HashSet<string> _members = new(StringComparer.Ordinal);
    private WebApplication? _app;

    /// <summary>The token the platform accepts.</summary>
    public string Token { get; init; } = "good-token";

    /// <summary>The base URL the destinations' <c>endpoint</c> setting points at.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The protocol violations seen, as the platform would name them.</summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _violations];
            }
        }
    }

    /// <summary>The audience's members, by the identifier the fake keys them on (a hashed email, a hashed phone …).</summary>
    public IReadOnlyCollection<string> Members
    {
        get
        {
            lock (_gate)
            {
                return [.. _members];
            }
        }
    }

    /// <summary>How many membership calls reached the fake (failed ones included).</summary>
    public int Calls { get; private set; }

    public async Task<FakePlatformServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.Single().TrimEnd('/') + "/");
        return this;
    }

    /// <summary>Answers the next membership call with <paramref name="failure"/> instead of handling it.</summary>
    public void FailNext(Func<HttpContext, Task> failure)
    {
        lock (_gate)
        {
            _failures[Calls + 1] = failure;
        }
    }

    /// <summary>Answers the <paramref name="call"/>th membership call (counting from 1, failed ones included) with <paramref name="failure"/>.</summary>
    public void FailCall(int call, Func<HttpContext, Task> failure)
    {
        lock (_gate)
        {
            _failures[call] = failure;
        }
    }

    public void AddMember(string id)
    {
        lock (_gate)
        {
            _members.Add(id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract void Map(WebApplication app);

    /// <summary>Counts the call and, when a failure is queued, answers with it; true when the call was answered.</summary>
    protected async Task<bool> FailedAsync(HttpContext context)
    {
        Func<HttpContext, Task>? failure;
        lock (_gate)
        {
            Calls++;
            _failures.Remove(Calls, out failure);
        }

        if (failure is null)
        {
            return false;
        }

        await failure(context);
        return true;
    }

    protected void Violation(string what)
    {
        lock (_gate)
        {
            _violations.Add(what);
        }
    }

    protected void Apply(string id, bool remove)
    {
        lock (_gate)
        {
            if (remove)
            {
                _members.Remove(id);
            }
            else
            {
                _members.Add(id);
            }
        }
    }

    protected static async Task<JsonNode?> BodyAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    protected static Task JsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    protected static bool IsSha256Hex(string? text) =>
        text is { Length: 64 } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
