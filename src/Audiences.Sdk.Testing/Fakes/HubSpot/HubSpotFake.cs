using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Testing.Fakes.HubSpot;

/// <summary>
/// A stateful fake of HubSpot's CRM v3 objects API on 127.0.0.1 (a random port), for tests of HubSpot connectors: it
/// holds contacts, companies and deals with their properties, last-modified times, archived flags and deal→company
/// associations, and answers search (filters, one sort, <c>after</c> paging, the 10,000-result cap), list
/// (<c>archived=true</c>, <c>associations=companies</c>), batch read, update and upsert (at most 100 inputs, results out of
/// input order, per-input errors in a 207 body) and v4 association batch reads, checking the bearer token. Faults (429s with the rate-limit
/// headers, 5xx, delays, an expired token, rejected records) come from <see cref="Faults"/>; <see cref="Calls"/>
/// counts the calls per endpoint.
/// </summary>
public sealed partial class HubSpotFake : IAsyncDisposable
{
    /// <summary>The most results a search query pages through, as HubSpot caps it.</summary>
    public const int SearchCap = 10_000;

    private static readonly Dictionary<string, string> ModifiedProperties = new(StringComparer.Ordinal)
    {
        ["contacts"] = "lastmodifieddate",
        ["companies"] = "hs_lastmodifieddate",
        ["deals"] = "hs_lastmodifieddate",
    };

    private readonly object _gate = new();
    private readonly Dictionary<string, SortedDictionary<long, HubSpotFakeRecord>> _objects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _properties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _unique = new(StringComparer.Ordinal);
    private readonly Dictionary<long, long> _dealCompanies = [];
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private WebApplication? _app;
    private long _nextId = 1;

    private HubSpotFake(string token, TimeProvider time)
    {
        Token = token;
        _time = time;
        foreach (var name in ModifiedProperties.Keys)
        {
            _objects[name] = [];
            _properties[name] = new HashSet<string>(StringComparer.Ordinal) { "hs_object_id", "createdate", ModifiedProperties[name] };
            _unique[name] = new HashSet<string>(StringComparer.Ordinal) { "hs_object_id" };
        }

        DefineProperties("contacts", "email", "firstname", "lastname", "jobtitle", "phone", "company");
        _unique["contacts"].Add("email");
        DefineProperties("companies", "domain", "name", "numberofemployees", "industry");
        DefineProperties("deals", "dealname", "amount", "dealstage", "closedate", "pipeline");
    }

    /// <summary>The base address to call, e.g. <c>http://127.0.0.1:50123</c>.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1");

    /// <summary>The bearer token the fake accepts.</summary>
    public string Token { get; }

    /// <summary>The faults injected into the calls.</summary>
    public HubSpotFakeFaults Faults { get; } = new();

    /// <summary>The calls answered so far by endpoint, as <c>METHOD /path</c> (e.g. <c>POST /crm/v3/objects/contacts/search</c>).</summary>
    public IReadOnlyDictionary<string, int> Calls => new Dictionary<string, int>(_calls, StringComparer.Ordinal);

    /// <summary>Starts a fake on a random port of 127.0.0.1.</summary>
    /// <param name="token">The bearer token it accepts.</param>
    /// <param name="timeProvider">The clock that stamps writes; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<HubSpotFake> StartAsync(string token = "pat-test-token", TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var fake = new HubSpotFake(token, timeProvider ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address);
        fake._app = app;
        return fake;
    }

    /// <summary>The calls answered so far to one endpoint.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path, e.g. <c>/crm/v3/objects/contacts/search</c>.</param>
    public int CallsTo(string method, string path) => _calls.GetValueOrDefault($"{method} {path}");

    /// <summary>Declares properties of an object, so writes to them are accepted.</summary>
    /// <param name="objectType">contacts, companies or deals.</param>
    /// <param name="names">The property names.</param>
    public void DefineProperties(string objectType, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        lock (_gate)
        {
            _properties[Known(objectType)].UnionWith(names);
        }
    }

    /// <summary>Adds a record and returns it.</summary>
    /// <param name="objectType">contacts, companies or deals.</param>
    /// <param name="properties">Its property values.</param>
    /// <param name="modifiedAt">When it was last modified; now when null.</param>
    /// <param name="id">Its id; the next free one when null.</param>
    public HubSpotFakeRecord Add(string objectType, IReadOnlyDictionary<string, string> properties, DateTimeOffset? modifiedAt = null, long? id = null)
    {
        ArgumentNullException.ThrowIfNull(properties);
        lock (_gate)
        {
            var records = _objects[Known(objectType)];
            var key = id ?? _nextId;
            _nextId = Math.Max(_nextId, key + 1);
            _properties[objectType].UnionWith(properties.Keys);
            var record = new HubSpotFakeRecord(key.ToString(CultureInfo.InvariantCulture), new Dictionary<string, string>(properties, StringComparer.Ordinal), modifiedAt ?? _time.GetUtcNow());
            records[key] = record;
            return record;
        }
    }

    /// <summary>Archives a record (moves it to the recycle bin) at <paramref name="archivedAt"/>.</summary>
    /// <param name="objectType">contacts, companies or deals.</param>
    /// <param name="id">Its id.</param>
    /// <param name="archivedAt">When; now when null.</param>
    public void Archive(string objectType, string id, DateTimeOffset? archivedAt = null)
    {
        lock (_gate)
        {
            var records = _objects[Known(objectType)];
            var key = long.Parse(id, CultureInfo.InvariantCulture);
            records[key] = records[key] with { ArchivedAt = archivedAt ?? _time.GetUtcNow() };
        }
    }

    /// <summary>Associates a deal with its (primary) company.</summary>
    /// <param name="dealId">The deal's id.</param>
    /// <param name="companyId">The company's id.</param>
    public void Associate(string dealId, string companyId)
    {
        lock (_gate)
        {
            _dealCompanies[long.Parse(dealId, CultureInfo.InvariantCulture)] = long.Parse(companyId, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The record held under <paramref name="id"/> (archived or not), or null.</summary>
    /// <param name="objectType">contacts, companies or deals.</param>
    /// <param name="id">Its id.</param>
    public HubSpotFakeRecord? Find(string objectType, string id)
    {
        lock (_gate)
        {
            return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) && _objects[Known(objectType)].TryGetValue(key, out var record) ? record : null;
        }
    }

    /// <summary>All records of an object, archived ones included, by id.</summary>
    /// <param name="objectType">contacts, companies or deals.</param>
    public IReadOnlyList<HubSpotFakeRecord> Records(string objectType)
    {
        lock (_gate)
        {
            return [.. _objects[Known(objectType)].Values];
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Known(string objectType) =>
        ModifiedProperties.ContainsKey(objectType) ? objectType : throw new ArgumentException($"The fake holds contacts, companies and deals, not '{objectType}'.", nameof(objectType));
}
