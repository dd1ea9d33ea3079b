using Audiences.Sdk.Testing.Fakes.HubSpot;
using Audiences.Sdk.Testing.Fakes.Salesforce;

namespace Audiences.Cli.Demo;

/// <summary>
/// The CRMs the demo talks to: the stateful local stand-ins of a Salesforce org (Bulk API 2.0) and a HubSpot portal
/// (CRM v3) that <c>Audiences.Sdk.Testing</c> ships, on 127.0.0.1 at ports of their own, seeded with
/// <see cref="DemoCrmData"/>. The real services need an account and the network; these speak their wire protocols,
/// so the connectors run as they would against them. They stop when the demo ends.
/// </summary>
internal sealed class DemoCrm : IAsyncDisposable
{
    public const string HubSpotToken = "pat-demo-token";

    private DemoCrm(SalesforceFake salesforce, HubSpotFake hubSpot)
    {
        Salesforce = salesforce;
        HubSpot = hubSpot;
    }

    public SalesforceFake Salesforce { get; }

    public HubSpotFake HubSpot { get; }

    /// <summary>Every call the Salesforce stand-in answered so far, over all its endpoints.</summary>
    public int SalesforceCalls =>
        new[]
        {
            SalesforceFakeEndpoints.QueryCreate, SalesforceFakeEndpoints.QueryPoll, SalesforceFakeEndpoints.QueryResults,
            SalesforceFakeEndpoints.IngestCreate, SalesforceFakeEndpoints.IngestUpload, SalesforceFakeEndpoints.IngestClose,
            SalesforceFakeEndpoints.IngestPoll, SalesforceFakeEndpoints.IngestResults,
        }.Sum(Salesforce.Calls);

    /// <summary>Every call the HubSpot stand-in answered so far.</summary>
    public int HubSpotCalls => HubSpot.Calls.Values.Sum();

    /// <summary>Starts both stand-ins and seeds them; <paramref name="now"/> dates the records' last changes.</summary>
    public static async Task<DemoCrm> StartAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var salesforce = await SalesforceFake.StartAsync(cancellationToken: cancellationToken);
        HubSpotFake? hubSpot = null;
        try
        {
            // A real org finishes a small job between two polls; the stand-in does too, so the demo waits no longer than it must.
            salesforce.PollsToComplete = 1;
            hubSpot = await HubSpotFake.StartAsync(HubSpotToken, cancellationToken: cancellationToken);
            var crm = new DemoCrm(salesforce, hubSpot);
            DemoCrmData.Seed(crm, now);
            return crm;
        }
        catch
        {
            if (hubSpot is not null)
            {
                await hubSpot.DisposeAsync();
            }

            await salesforce.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await HubSpot.DisposeAsync();
        await Salesforce.DisposeAsync();
    }
}
