using Audiences.Sdk.Profiles;

namespace Audiences.Samples.Providers.Tests;

/// <summary>Builds person profiles from source records observed at given times.</summary>
internal static class People
{
    public static readonly DateTimeOffset Day1 = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Day2 = Day1.AddDays(1);
    public static readonly DateTimeOffset Day3 = Day1.AddDays(2);

    /// <summary>A source record of a person with a title and a company domain (null leaves the field out).</summary>
    public static StoredSourceRecord Record(string id, DateTimeOffset observedAt, string? title, string? companyDomain)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { ["first_name"] = FieldValue.FromText("Priya") };
        if (title is not null)
        {
            values["title"] = FieldValue.FromText(title);
        }

        if (companyDomain is not null)
        {
            values["company_domain"] = FieldValue.FromText(companyDomain);
        }

        var record = new SourceRecord(new SourceRecordKey("crm", "contacts", id), EntityKind.Person, SourceKind.Crm, values)
        {
            ObservedAt = observedAt,
        };
        return new StoredSourceRecord(record, [], 1, 1);
    }

    /// <summary>A person profile holding the records in the order given.</summary>
    public static Profile With(params StoredSourceRecord[] sources) => With(1, sources);

    public static Profile With(long id, params StoredSourceRecord[] sources) =>
        new(new ProfileId(id), EntityKind.Person, 1, Day1, new Dictionary<string, ProfileValue>(), [], sources);

    public static Profile Company(long id) =>
        new(new ProfileId(id), EntityKind.Company, 1, Day1, new Dictionary<string, ProfileValue>(), [], []);
}
