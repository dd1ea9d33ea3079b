using Audiences.Samples.Providers;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Audiences.Sdk.Testing.Fakes.HubSpot;
using Audiences.Sdk.Testing.Fakes.Salesforce;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.IntegrationTests.Connectors;

/// <summary>
/// A host as an application builds it — SQLite in a temporary folder, the Salesforce and HubSpot connectors, the sample
/// providers, opportunities and deals declared as one filterable collection — over a fake org and a fake portal, with
/// a sync per CRM object.
/// </summary>
internal sealed class CrmHost : IAsyncDisposable
{
    /// <summary>When the seeded records last changed: a day ago, so every later change is newer.</summary>
    public static readonly DateTimeOffset Seeded = DateTimeOffset.UtcNow.AddDays(-1);

    /// <summary>The syncs in the order a host runs them: companies first, then what hangs off them, then people.</summary>
    public static readonly string[] SyncOrder =
        ["sf-accounts", "hs-companies", "sf-opportunities", "hs-deals", "sf-leads", "sf-contacts", "hs-contacts"];

    private readonly TempDirectory _dir = new();
    private readonly ServiceProvider _services;

    private CrmHost(SalesforceFake org, HubSpotFake portal)
    {
        Org = org;
        Portal = portal;
        var services = new ServiceCollection();
        services.AddAudiences(b => b
            .UseSqlite($"Data Source={_dir.File("audiences.db")}")
            .AddSalesforceSource(FastPolls)
            .AddSalesforceDestination(FastPolls)
            .AddHubSpotSource()
            .AddHubSpotDestination()
            .AddSampleProviders()
            .Configure(o => o.RelatedRecordTypes.Add(new RelatedRecordType("opportunities", EntityKind.Company,
            [
                new FieldDefinition("name", EntityKind.Company, FieldType.Text, "crm"),
                new FieldDefinition("stage", EntityKind.Company, FieldType.Text, "crm"),
                new FieldDefinition("amount", EntityKind.Company, FieldType.Number, "crm"),
            ]))));
        _services = services.BuildServiceProvider();
    }

    public SalesforceFake Org { get; }

    public HubSpotFake Portal { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Starts both fakes, seeds them and saves the syncs.</summary>
    public static async Task<CrmHost> StartAsync()
    {
        var org = await SalesforceFake.StartAsync();
        var portal = await HubSpotFake.StartAsync();
        SalesforceSeed.Seed(org, Seeded);
        HubSpotSeed.Seed(portal, Seeded);
        var host = new CrmHost(org, portal);
        await host.SaveSyncsAsync();
        return host;
    }

    /// <summary>Runs every sync once, in <see cref="SyncOrder"/>, and requires each to succeed without rejections.</summary>
    public async Task<Dictionary<string, SyncRun>> SyncAllAsync()
    {
        var syncs = Get<ISyncService>();
        var runs = new Dictionary<string, SyncRun>(StringComparer.Ordinal);
        foreach (var name in SyncOrder)
        {
            var run = await syncs.RunAsync(name);
            run.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Rejected == 0, $"the sync {name} imports cleanly ({run.Failure})");
            runs[name] = run;
        }

        return runs;
    }

    public Dictionary<string, string> SalesforceSettings(string objectName, params (string Name, string Value)[] more)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["instance-url"] = Org.InstanceUrl.ToString(),
            ["token"] = Org.AccessToken,
            ["object"] = objectName,
        };
        foreach (var (name, value) in more)
        {
            settings[name] = value;
        }

        return settings;
    }

    public Dictionary<string, string> HubSpotSettings(string objectType, params (string Name, string Value)[] more)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["base-url"] = Portal.BaseUrl.ToString(),
            ["token"] = Portal.Token,
            ["object"] = objectType,
        };
        foreach (var (name, value) in more)
        {
            settings[name] = value;
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Org.DisposeAsync();
        await Portal.DisposeAsync();
        _dir.Dispose();
    }

    private static void FastPolls(Salesforce.SalesforceOptions options)
    {
        options.PollInterval = TimeSpan.FromMilliseconds(1);
        options.MaxPollInterval = TimeSpan.FromMilliseconds(4);
    }

    private async Task SaveSyncsAsync()
    {
        var syncs = Get<ISyncService>();
        await syncs.SaveAsync(Salesforce("sf-accounts", "Account") with { Kind = EntityKind.Company });
        await syncs.SaveAsync(Salesforce("sf-opportunities", "Opportunity") with
        {
            Kind = EntityKind.Company,
            Related = new RelatedTarget("opportunities", EntityKind.Company, "AccountId") { OwnerObject = "Account" },
            Mappings = [new FieldMapping("Name", "name"), new FieldMapping("StageName", "stage"), new FieldMapping("Amount", "amount")],
        });
        await syncs.SaveAsync(Salesforce("sf-leads", "Lead") with { SourceKind = SourceKind.CrmLead });
        await syncs.SaveAsync(Salesforce("sf-contacts", "Contact"));

        await syncs.SaveAsync(HubSpot("hs-companies", "companies") with { Kind = EntityKind.Company });
        await syncs.SaveAsync(HubSpot("hs-deals", "deals") with
        {
            Kind = EntityKind.Company,
            Related = new RelatedTarget("opportunities", EntityKind.Company, "hubspot_company_id") { OwnerObject = "companies" },
            Mappings = [new FieldMapping("dealname", "name"), new FieldMapping("dealstage", "stage"), new FieldMapping("amount", "amount")],
        });
        await syncs.SaveAsync(HubSpot("hs-contacts", "contacts"));
    }

    private SyncDefinition Salesforce(string name, string objectName) =>
        new(name, new SourceSettings("salesforce", SalesforceSettings(objectName)), objectName, "Id")
        {
            TimestampField = "SystemModstamp",
            SourceName = "salesforce",
            SourceKind = SourceKind.Crm,
        };

    private SyncDefinition HubSpot(string name, string objectType) =>
        new(name, new SourceSettings("hubspot", HubSpotSettings(objectType)), objectType, "id")
        {
            TimestampField = "updated_at",
            SourceName = "hubspot",
            SourceKind = SourceKind.Crm,
        };
}
