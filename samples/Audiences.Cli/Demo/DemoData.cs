using Audiences.Cli.Cli;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Demo;

/// <summary>
/// The bundled sample data: a CRM export, webinar sign-ups and an enrichment file about the same
/// people (with emails and LinkedIn URLs written differently), and a company list. Imported in this
/// order, the enrichment file joins profiles the first two kept apart.
/// </summary>
internal static class DemoData
{
    public static IReadOnlyList<DemoFile> Files { get; } =
    [
        new("crm_contacts.csv", EntityKind.Person, "contacts exported from the CRM", Utc(2026, 3, 2, 8))
        {
            IdColumn = "contact_id",
            Mappings = ["LinkedIn=linkedin_url"],
        },
        new("webinar_signups.csv", EntityKind.Person, "registrations for a January webinar", Utc(2026, 1, 14, 18))
        {
            Mappings =
            [
                "Work Email=email",
                "Job Title=title",
                "LinkedIn Profile=linkedin_url",
                "Company Website=company_domain",
                "Registered At=registered_at:datetime",
            ],
        },
        new("enrichment_people.csv", EntityKind.Person, "an enrichment provider's answer", Utc(2026, 2, 20, 6))
        {
            Mappings = ["skills=skills:list"],
        },
        new("companies.csv", EntityKind.Company, "accounts exported from the CRM", Utc(2026, 3, 2, 8))
        {
            IdColumn = "account_id",
            Mappings = ["Company Name=name", "Website=domain"],
        },
    ];

    /// <summary>Where the build copies the sample files: next to the program, so the demo reads nothing outside it.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "SampleData");

    /// <exception cref="InputException">A sample file is missing from the output folder.</exception>
    public static void CheckPresent()
    {
        foreach (var file in Files)
        {
            var path = Path.Combine(Folder, file.FileName);
            if (!File.Exists(path))
            {
                throw new InputException($"demo: the sample file '{path}' is missing; rebuild samples/Audiences.Cli so its SampleData folder is copied next to the program.");
            }
        }
    }

    private static DateTimeOffset Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);
}
