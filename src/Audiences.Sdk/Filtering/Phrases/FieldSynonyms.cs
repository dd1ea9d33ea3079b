namespace Audiences.Sdk.Filtering;

/// <summary>
/// Everyday names for common fields, used by <see cref="PhraseFilterInterpreter"/>: each phrase maps
/// to candidate field keys, tried in order; a phrase whose keys are all missing from the catalog is ignored.
/// </summary>
public static class FieldSynonyms
{
    /// <summary>The built-in table (phrases in lower case).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Default { get; } = Build();

    private static Dictionary<string, IReadOnlyList<string>> Build()
    {
        var table = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        void Add(string[] keys, params string[] phrases)
        {
            foreach (var phrase in phrases)
            {
                table[phrase] = keys;
            }
        }

        Add(["employee_count", "employees", "headcount"], "employees", "employee count", "number of employees", "headcount", "head count", "staff", "staff count", "team size", "company size");
        Add(["work_email", "email"], "work email", "email", "email address", "e-mail", "business email", "work email address");
        Add(["title", "job_title"], "title", "job title", "position", "role");
        Add(["industry"], "industry", "sector", "vertical");
        Add(["annual_revenue", "revenue"], "revenue", "annual revenue", "arr", "yearly revenue");
        Add(["country"], "country", "located in", "based in");
        Add(["city"], "city");
        Add(["first_name"], "first name", "given name");
        Add(["last_name"], "last name", "surname", "family name");
        Add(["phone", "phone_number", "mobile_phone"], "phone", "phone number", "mobile", "mobile number", "telephone");
        Add(["linkedin_url"], "linkedin", "linkedin url", "linkedin profile");
        Add(["domain", "website"], "domain", "website", "web site", "url");
        Add(["last_funding_date", "funding_date", "last_funded_at"], "raised funding", "funding", "last funding", "funded", "funding date", "last funding date", "raised money", "funding round");
        Add(["total_funding", "funding_amount"], "total funding", "funding amount", "amount raised");
        Add(["founded_year", "founded"], "founded", "year founded", "founding year");
        Add(["seniority"], "seniority", "seniority level");
        Add(["department"], "department", "function");
        Add(["created_at", "signup_date"], "created", "signed up", "signup date", "sign up date");
        Add(["technologies", "tech_stack"], "technologies", "tech stack", "technology");
        Add(["amount"], "amount", "deal size", "deal value", "deal amount");
        Add(["stage"], "stage", "deal stage");
        Add(["close_date"], "close date", "closed", "closing date");
        return table;
    }
}
