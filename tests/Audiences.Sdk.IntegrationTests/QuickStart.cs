using Audiences.Sdk.Csv;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.IntegrationTests;

/// <summary>
/// The README's quick start, compiled and run by <see cref="ReadmeQuickStartTests"/>; <c>.ci/run</c> also pastes it
/// from README.md into a new console app over the packed packages. It writes with <see cref="Console"/>, which the
/// test redirects.
/// </summary>
internal static class QuickStart
{
    public static async Task<(Profile? Ada, long Leaders)> RunAsync()
    {
        // quick-start:begin
        await using var services = new ServiceCollection()
            .AddAudiences(b => b.UseSqlite("Data Source=audiences.db"))
            .Services.BuildServiceProvider();
        var profiles = services.GetRequiredService<IProfileService>();
        var audiences = services.GetRequiredService<IAudienceService>();

        // Import people from a CSV file; rows are matched on email and LinkedIn URL and merged.
        var result = await profiles.ImportCsvAsync(new CsvSourceOptions("people.csv", EntityKind.Person));
        Console.WriteLine($"{result.Created} created, {result.Merged} merged, {result.Rejected} rejected");

        // An audience is a saved filter whose members are kept as profiles change.
        var leaders = await audiences.CreateAsync(
            new AudienceDefinition("Leaders", EntityKind.Person, "you") { Status = AudienceStatus.Active },
            "title in ['CTO', 'CEO'] and email is not empty");
        Console.WriteLine($"{leaders.Name}: {await audiences.CountAsync(leaders.Id)} members");

        // Push a record from your application: it is matched and merged like any import,
        // and its values outrank files and CRMs.
        await profiles.UpsertAsync(
            [new SourceRecord(new SourceRecordKey("app", "users", "42"), EntityKind.Person, SourceKind.Upsert,
                new Dictionary<string, FieldValue>
                {
                    ["email"] = FieldValue.FromText("bob@example.com"),
                    ["title"] = FieldValue.FromText("CEO"),
                })],
            new ImportOptions(EntityKind.Person));

        // Bring memberships up to date: the change feed says who entered and who left.
        await audiences.RefreshMembershipAsync();
        foreach (var change in await audiences.ReadChangesAsync(afterSequence: 0))
        {
            var person = await profiles.GetProfileAsync(change.ProfileId);
            Console.WriteLine($"{person!["email"]} {change.Kind} {leaders.Name}");
        }

        // Read a profile by any alias, with where each current value came from.
        var bob = await profiles.FindProfileAsync(EntityKind.Person, "email", " BOB@Example.com ");
        foreach (var (field, value) in bob!.Values)
        {
            Console.WriteLine($"{field} = {value.Value}  (from {value.Source})");
        }
        // quick-start:end

        return (bob, await audiences.CountAsync(leaders.Id));
    }
}
