using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.AI.Tests;

/// <summary>The field catalog the chat interpreter tests bind against (the same as the core filtering tests).</summary>
internal static class TestCatalog
{
    public static FilterCatalog Instance { get; } = new(
        [
            Person("first_name", FieldType.Text),
            Person("title", FieldType.Text, "Job title"),
            Person("work_email", FieldType.Text, "Work email"),
            Person("seniority", FieldType.Text),
            Person("tags", FieldType.TextList),
            Person("score", FieldType.Number),
            Person("is_customer", FieldType.Boolean),
            Person("signed_up_at", FieldType.DateTime, "Signup date"),
            Person("linkedin_url", FieldType.Text),
            Company("name", FieldType.Text),
            Company("industry", FieldType.Text),
            Company("employee_count", FieldType.Number, "Employee count"),
            Company("annual_revenue", FieldType.Number),
            Company("last_funding_date", FieldType.DateTime),
            Company("founded_year", FieldType.Number),
            Company("technologies", FieldType.TextList),
            Company("is_public", FieldType.Boolean),
            Company("domain", FieldType.Text),
        ],
        [
            new RelatedRecordType("opportunities", EntityKind.Company,
            [
                Company("stage", FieldType.Text),
                Company("amount", FieldType.Number),
                Company("close_date", FieldType.DateTime),
            ]),
            new RelatedRecordType("activities", EntityKind.Person,
            [
                Person("type", FieldType.Text),
                Person("occurred_at", FieldType.DateTime),
            ]),
        ]);

    private static FieldDefinition Person(string key, FieldType type, string? display = null) =>
        new(key, EntityKind.Person, type, "test") { DisplayName = display ?? key };

    private static FieldDefinition Company(string key, FieldType type, string? display = null) =>
        new(key, EntityKind.Company, type, "test") { DisplayName = display ?? key };
}
