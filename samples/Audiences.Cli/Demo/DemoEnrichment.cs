using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;
using Audiences.Samples.Providers;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Demo;

/// <summary>
/// The demo's enrichments: work emails guessed for the audience's people on a budget too small for all of them — the
/// first run stops when it runs out, the second, after the budget is raised, goes on without buying the same records
/// again — and every company's size and industry looked up in a reference table.
/// </summary>
internal sealed record DemoEnrichment(
    EnrichmentDefinition WorkEmails,
    EnrichmentRun FirstRun,
    CreditBudget RaisedBudget,
    EnrichmentRun SecondRun,
    IReadOnlyList<EnrichmentRun> Runs,
    Audience Companies,
    EnrichmentDefinition CompanyData,
    EnrichmentRun CompanyRun)
{
    public const string WorkEmailsName = "work-emails";
    public const string CompanyDataName = "company-data";
    public const string CompaniesAudience = "Every company with a domain";
    public const string CompaniesCriteria = "domain is not empty";

    // By name, as a host's configuration would name them: creating a provider only to ask its name would load its table.
    public const string WorkEmailProvider = "sample-work-email";
    public const string CompanyProvider = "sample-company";

    // Fewer credits than the audience has people, so the first run stops at the cap.
    public const decimal FirstBudget = 3;
    public const decimal RaisedCap = 20;

    public static async Task<DemoEnrichment> RunAsync(CommandContext context, AudiencesSession session, Audience people, CancellationToken cancellationToken)
    {
        var enrichments = session.Enrichments;
        var workEmails = await EnrichmentCalls.GuardAsync(() => enrichments.SaveAsync(
            new EnrichmentDefinition(WorkEmailsName, EntityKind.Person, [WorkEmailProvider], [people.Id])
            {
                Mappings = [new EnrichmentMapping(SampleWorkEmailProvider.WorkEmailOutput, SampleWorkEmailProvider.WorkEmailOutput)],
            },
            cancellationToken));
        await enrichments.SetBudgetAsync(WorkEmailsName, FirstBudget, cancellationToken);
        var first = await context.WithStatusAsync("Guessing work emails", () => enrichments.RunAsync(WorkEmailsName, cancellationToken: cancellationToken));
        await enrichments.SetBudgetAsync(WorkEmailsName, RaisedCap, cancellationToken);
        var raised = await enrichments.GetBudgetAsync(WorkEmailsName, cancellationToken);
        var second = await context.WithStatusAsync("Guessing the rest", () => enrichments.RunAsync(WorkEmailsName, cancellationToken: cancellationToken));
        var runs = await enrichments.ListRunsAsync(WorkEmailsName, cancellationToken: cancellationToken);

        var companies = await context.WithStatusAsync(
            "Evaluating the companies' audience",
            () => session.Audiences.CreateAsync(
                new AudienceDefinition(CompaniesAudience, EntityKind.Company, "demo") { Status = AudienceStatus.Active }, CompaniesCriteria, cancellationToken));
        var companyData = await EnrichmentCalls.GuardAsync(() => enrichments.SaveAsync(
            new EnrichmentDefinition(CompanyDataName, EntityKind.Company, [CompanyProvider], [companies.Id])
            {
                Mappings =
                [
                    new EnrichmentMapping(SampleCompanyProvider.EmployeesOutput, SampleCompanyProvider.EmployeesOutput),
                    new EnrichmentMapping(SampleCompanyProvider.IndustryOutput, SampleCompanyProvider.IndustryOutput),
                ],
            },
            cancellationToken));
        var companyRun = await context.WithStatusAsync("Looking up the companies", () => enrichments.RunAsync(CompanyDataName, cancellationToken: cancellationToken));
        return new DemoEnrichment(workEmails, first, raised, second, runs, companies, companyData, companyRun);
    }
}
