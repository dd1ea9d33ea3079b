namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>The ten fields of a generated person, in the column order of the CSV file and the raw table.</summary>
public static class PersonFields
{
    public const string Email = "email";
    public const string LinkedInUrl = "linkedin_url";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Title = "title";
    public const string CompanyDomain = "company_domain";
    public const string City = "city";
    public const string Country = "country";
    public const string EmployeeCount = "employee_count";
    public const string SignedUpAt = "signed_up_at";

    /// <summary>The text fields, in column order (the number and date-time fields follow them).</summary>
    public static IReadOnlyList<string> TextFields { get; } =
        [Email, LinkedInUrl, FirstName, LastName, Title, CompanyDomain, City, Country];

    /// <summary>Every field, in column order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. TextFields, EmployeeCount, SignedUpAt];
}
