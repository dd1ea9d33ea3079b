using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.HubSpot;

// What the connector knows of HubSpot's standard objects: the last-modified property searched on, and the standard
// properties with the field names they are read under.
internal static class HubSpotObjects
{
    public const string CompanyIdField = "hubspot_company_id";

    public const string CompaniesObject = "companies";

    public static readonly string[] Names = ["contacts", "companies", "deals"];

    public static string ModifiedProperty(string objectType) => objectType == "contacts" ? "lastmodifieddate" : "hs_lastmodifieddate";

    public static IReadOnlyList<(string Property, string Field, FieldType Type)> Standard(string objectType) => objectType switch
    {
        "contacts" =>
        [
            ("email", "email", FieldType.Text),
            ("firstname", "first_name", FieldType.Text),
            ("lastname", "last_name", FieldType.Text),
            ("jobtitle", "title", FieldType.Text),
            ("phone", "phone", FieldType.Text),
        ],
        "companies" =>
        [
            ("domain", "domain", FieldType.Text),
            ("name", "name", FieldType.Text),
            ("numberofemployees", "employees", FieldType.Number),
            ("industry", "industry", FieldType.Text),
        ],
        _ =>
        [
            ("dealname", "dealname", FieldType.Text),
            ("amount", "amount", FieldType.Number),
            ("dealstage", "dealstage", FieldType.Text),
            ("closedate", "closedate", FieldType.DateTime),
        ],
    };
}
