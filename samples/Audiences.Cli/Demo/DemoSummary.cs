using Audiences.Sdk;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Demo;

/// <summary>Everything the demo reports, read back through the SDK after the imports.</summary>
internal sealed record DemoSummary(
    string DatabasePath,
    IReadOnlyList<DemoImport> Imports,
    long People,
    long Companies,
    IReadOnlyList<MergeRecord> Merges,
    Profile? Example,
    Profile? ExampleCompany,
    IReadOnlyList<FieldStatistics> PersonFields,
    IReadOnlyList<FieldStatistics> CompanyFields)
{
    public long Read => Imports.Sum(i => i.Result.Read);

    public long Rejected => Imports.Sum(i => i.Result.Rejected);

    public static async Task<DemoSummary> CollectAsync(
        IProfileService profiles, string databasePath, IReadOnlyList<DemoImport> imports, CancellationToken cancellationToken)
    {
        var merges = new List<MergeRecord>();
        foreach (var kind in new[] { EntityKind.Person, EntityKind.Company })
        {
            await foreach (var merge in profiles.ListMergesAsync(kind, cancellationToken))
            {
                merges.Add(merge);
            }
        }

        // The person built from the most source records shows matching and provenance best.
        Profile? example = null;
        await foreach (var person in profiles.ListProfilesAsync(EntityKind.Person, cancellationToken))
        {
            if (example is null || person.Sources.Count > example.Sources.Count)
            {
                example = person;
            }
        }

        var company = example is null ? null : await profiles.GetCompanyAsync(example.Id, cancellationToken);
        return new DemoSummary(
            databasePath,
            imports,
            await profiles.CountAsync(EntityKind.Person, cancellationToken),
            await profiles.CountAsync(EntityKind.Company, cancellationToken),
            merges,
            example,
            company,
            await profiles.GetFieldStatisticsAsync(EntityKind.Person, cancellationToken),
            await profiles.GetFieldStatisticsAsync(EntityKind.Company, cancellationToken));
    }
}
