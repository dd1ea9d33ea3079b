using Audiences.Cli.Cli;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Output;

/// <summary>How kinds, field types and source kinds are spelled on the command line and in output.</summary>
internal static class Names
{
    /// <summary>Reads --kind.</summary>
    /// <exception cref="InputException">The value is neither person nor company.</exception>
    public static EntityKind ParseKind(string value) => value.Trim().ToUpperInvariant() switch
    {
        "PERSON" or "PEOPLE" => EntityKind.Person,
        "COMPANY" or "COMPANIES" => EntityKind.Company,
        _ => throw new InputException($"--kind '{value}' is not a kind; use person or company."),
    };

    public static string Kind(EntityKind kind) => kind == EntityKind.Company ? "company" : "person";

    public static string Plural(EntityKind kind) => kind == EntityKind.Company ? "companies" : "people";

    /// <summary>The type names <c>--map column=field:type</c> accepts.</summary>
    public static string Type(FieldType type) => type.ToName();

    public static string SourceKind(SourceKind kind) => kind switch
    {
        Sdk.Profiles.SourceKind.CrmLead => "crm_lead",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static string Status(ReviewStatus status) => status.ToString().ToLowerInvariant();

    public static string Status(AudienceStatus status) => status == AudienceStatus.Draft ? "draft" : "active";

    public static string Visibility(AudienceVisibility visibility) => visibility == AudienceVisibility.Private ? "private" : "workspace";

    public static string Change(MembershipChangeKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A stored membership: <c>active</c>, <c>archived</c>, or null when the profile is not a member.</summary>
    public static string? State(MemberState? state) => state switch
    {
        MemberState.Active => "active",
        MemberState.Archived => "archived",
        _ => null,
    };
}
