using System.Globalization;

namespace Audiences.Sdk.Salesforce.Tests;

/// <summary>
/// Contacts generated deterministically from their row number, with the fields an org's contacts carry: names, a
/// unique email, a title, a phone, an account shared by forty contacts, a custom <c>Score__c</c>, and a
/// <c>SystemModstamp</c> that ten contacts share per minute, as a bulk load stamps them.
/// </summary>
internal static class GeneratedContacts
{
    public const string Fields = "FirstName,LastName,Email,Title,Phone,AccountId,Score__c";

    public static readonly DateTimeOffset FirstStamp = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Niklaus", "Radia", "Tim"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton", "Wirth", "Perlman", "Berners-Lee", "O'Neil"];
    private static readonly string[] Titles = ["VP Engineering", "CTO", "Head of Data", "Marketing Manager", "Account Executive", "Director, \"Growth\"", "Engineer"];
    private static readonly string[] Domains = ["acme.example", "globex.example", "initech.example", "umbrella.example", "hooli.example"];

    public static string Id(int row) => "003" + row.ToString("D15", CultureInfo.InvariantCulture);

    public static string Email(int row) =>
        string.Create(CultureInfo.InvariantCulture, $"{FirstNames[row % FirstNames.Length]}.{row}@{Domains[row % Domains.Length]}").ToLowerInvariant();

    public static DateTimeOffset Stamp(int row) => FirstStamp.AddMinutes(row / 10);

    /// <summary>The contact in row <paramref name="row"/>, by API name.</summary>
    public static Dictionary<string, string?> Values(int row)
    {
        var c = CultureInfo.InvariantCulture;
        return new Dictionary<string, string?>
        {
            ["FirstName"] = FirstNames[row % FirstNames.Length],
            ["LastName"] = LastNames[row * 7 % LastNames.Length],
            ["Email"] = Email(row),
            ["Title"] = Titles[row * 3 % Titles.Length],
            // Every eleventh contact has no phone: an empty cell must come through as no value.
            ["Phone"] = row % 11 == 0 ? null : string.Create(c, $"+1 415 555 {row % 10_000:D4}"),
            ["AccountId"] = "001" + (row / 40).ToString("D15", c),
            ["Score__c"] = (row * 37 % 1000 / 10.0).ToString("0.0", c),
        };
    }
}
