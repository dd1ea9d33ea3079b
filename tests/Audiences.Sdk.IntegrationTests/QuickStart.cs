using Audiences.Sdk.Csv;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.IntegrationTests;

/// <summary>The README's quick start, compiled and run by <see cref="ReadmeQuickStartTests"/>.</summary>
internal static class QuickStart
{
    public static async Task<Profile?> RunAsync(TextWriter console)
    {
        // quick-start:begin
        await using var services = new ServiceCollection()
            .AddAudiences(b => b.UseSqlite("Data Source=audiences.db"))
            .Services.BuildServiceProvider();
        var profiles = services.GetRequiredService<IProfileService>();

        // Import people from a CSV file; rows are matched on email and LinkedIn URL and merged.
        var result = await profiles.ImportCsvAsync(new CsvSourceOptions("people.csv", EntityKind.Person));
        console.WriteLine($"{result.Created} created, {result.Merged} merged, {result.Rejected} rejected");

        // Push a record from your application: it is matched and merged like any import,
        // and its values outrank files and CRMs.
        await profiles.UpsertAsync(
            [new SourceRecord(new SourceRecordKey("app", "users", "42"), EntityKind.Person, SourceKind.Upsert,
                new Dictionary<string, FieldValue>
                {
                    ["email"] = FieldValue.FromText("ada@example.com"),
                    ["plan"] = FieldValue.FromText("enterprise"),
                })],
            new ImportOptions(EntityKind.Person));

        // Read the profile by any alias, with where each current value came from.
        var ada = await profiles.FindProfileAsync(EntityKind.Person, "email", " ADA@Example.com ");
        foreach (var (field, value) in ada!.Values)
        {
            console.WriteLine($"{field} = {value.Value}  (from {value.Source})");
        }
        // quick-start:end

        return ada;
    }
}
