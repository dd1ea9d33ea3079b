using Audiences.Cli.Cli;
using Audiences.Sdk.DataHub;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Demo;

/// <summary>
/// The demo's Data Hub step: describes and prices <c>work_email</c> (as <c>fields edit</c> does), then reads the overview
/// and the person fields with their fill rates, sources, costs and writers, and the signals with their spend.
/// </summary>
/// <param name="Overview">The hub's counts.</param>
/// <param name="Edited">The field as edited.</param>
/// <param name="PersonFields">The person fields after the edit.</param>
/// <param name="Signals">The signals, as <c>hub signals</c> lists them.</param>
internal sealed record DemoHub(DataHubOverview Overview, FieldDefinition Edited, IReadOnlyList<DataHubField> PersonFields, IReadOnlyList<DataHubSignal> Signals)
{
    public const string Field = "work_email";

    public static readonly FieldEdit Edit = new()
    {
        Description = "Work address found by the sample-work-email provider",
        CostPerRecord = 1,
    };

    public static async Task<DemoHub> RunAsync(AudiencesSession session, CancellationToken cancellationToken)
    {
        var hub = session.DataHub;
        var edited = await hub.EditFieldAsync(EntityKind.Person, Field, Edit, cancellationToken);
        return new DemoHub(
            await hub.GetOverviewAsync(cancellationToken),
            edited,
            await hub.ListFieldsAsync(EntityKind.Person, cancellationToken),
            await hub.ListSignalsAsync(cancellationToken));
    }
}
