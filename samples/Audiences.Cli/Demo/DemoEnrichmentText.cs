using Audiences.Cli.Enrichments;
using Audiences.Cli.Output;

namespace Audiences.Cli.Demo;

/// <summary>The enrichment part of the demo's report: a run stopped by its budget, continued once the budget is raised, and a company look-up.</summary>
internal static class DemoEnrichmentText
{
    public static void Write(TextWriter writer, DemoEnrichment demo)
    {
        writer.WriteLine();
        writer.WriteLine(
            $"Enrichment: '{demo.WorkEmails.Name}' guesses the work email of the audience's people with {string.Join(", ", demo.WorkEmails.Providers)}, "
            + $"on a budget of {CreditAmounts.Format(DemoEnrichment.FirstBudget)} credits (1 a record):");
        writer.WriteLine($"   first run:  {EnrichmentText.Outcome(demo.FirstRun)}");
        writer.WriteLine($"   budget raised to {CreditAmounts.Format(demo.RaisedBudget.Cap)}; the next run goes on, skipping the records already bought:");
        writer.WriteLine($"   second run: {EnrichmentText.Outcome(demo.SecondRun)}");
        writer.WriteLine("   enrich runs:");
        EnrichmentText.WriteRuns(writer, demo.Runs, "     ");
        writer.WriteLine();
        writer.WriteLine(
            $"Enrichment: '{demo.CompanyData.Name}' looks up employees and industry with {string.Join(", ", demo.CompanyData.Providers)} "
            + $"for {AudienceText.Name(demo.Companies)} (2 credits a record; a domain outside its table is not found):");
        writer.WriteLine($"   run: {EnrichmentText.Outcome(demo.CompanyRun)}");
    }
}
