using Audiences.Cli.Output;

namespace Audiences.Cli.Demo;

/// <summary>The demo's Data Hub section: the overview, the edit and the person fields table.</summary>
internal static class DemoHubText
{
    public static void Write(TextWriter writer, DemoHub hub)
    {
        writer.WriteLine();
        writer.WriteLine("Data Hub: what the workspace holds, how well each field is filled, and what writes and costs it.");
        writer.WriteLine("   hub:");
        HubText.WriteOverview(writer, hub.Overview, "     ");
        writer.WriteLine(
            $"   fields edit --kind person {DemoHub.Field} --description \"{hub.Edited.Description}\" --cost {Enrichments.CreditAmounts.Format(hub.Edited.CostPerRecord ?? 0)}");
        writer.WriteLine("   hub fields --kind person:");
        HubText.WriteFields(writer, hub.PersonFields, "     ");
        writer.WriteLine("   hub signals:");
        HubText.WriteSignals(writer, hub.Signals, "     ");
    }
}
