using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Salesforce.Tests;

/// <summary>Tests that sync from a fresh test org into a fresh in-memory store, polling as fast as the org allows.</summary>
public abstract class SalesforceStoreTests : IAsyncLifetime
{
    /// <summary>The org the store syncs from.</summary>
    protected SalesforceTestOrg Org { get; private set; } = null!;

    /// <summary>The store, with the Salesforce source registered.</summary>
    protected StoreWorkspace Workspace { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Org = await SalesforceTestOrg.StartAsync();
        Workspace = StoreWorkspace.Create(b => b.UseInMemory().AddSalesforceSource(o =>
        {
            o.PollInterval = Org.Options.PollInterval;
            o.MaxPollInterval = Org.Options.MaxPollInterval;
        }));
    }

    public async Task DisposeAsync()
    {
        await Workspace.DisposeAsync();
        await Org.DisposeAsync();
    }
}
