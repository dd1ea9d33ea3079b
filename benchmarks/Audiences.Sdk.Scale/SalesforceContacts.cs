using System.Globalization;
using System.Text;

namespace Audiences.Sdk.Scale;

/// <summary>
/// Contacts generated from their row number with the fields an org's contacts carry — names, a unique email, a title,
/// a phone, an account shared by forty contacts, a custom <c>Score__c</c> — stamped ten per minute as a bulk load
/// stamps them, for the fake org and, as the same values, for the CSV file of the reference.
/// </summary>
internal static class SalesforceContacts
{
    /// <summary>The fields the sync reads, besides <c>Id</c> and <c>SystemModstamp</c>.</summary>
    public const string Fields = "FirstName,LastName,Email,Title,Phone,AccountId,Score__c";

    private static readonly string[] FirstNames = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Niklaus", "Radia", "Tim"];
    private static readonly string[] LastNames = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton", "Wirth", "Perlman", "Berners-Lee"];
    private static readonly string[] Titles = ["VP Engineering", "CTO", "Head of Data", "Marketing Manager", "Account Executive", "Director of Growth", "Engineer"];
    private static readonly string[] Domains = ["acme.example", "globex.example", "initech.example", "umbrella.example", "hooli.example"];

    public static string Id(int row) => "003" + row.ToString("D15", CultureInfo.InvariantCulture);

    /// <summary>When the contact last changed: ten contacts a minute, the last one <paramref name="rows"/>/10 minutes after <paramref name="from"/>.</summary>
    public static DateTimeOffset Stamp(int row, DateTimeOffset from) => from.AddMinutes(row / 10);

    /// <summary>The contact in row <paramref name="row"/>, by API name.</summary>
    public static Dictionary<string, string?> Values(int row)
    {
        var c = CultureInfo.InvariantCulture;
        var first = FirstNames[row % FirstNames.Length];
        return new Dictionary<string, string?>
        {
            ["FirstName"] = first,
            ["LastName"] = LastNames[row * 7 % LastNames.Length],
            ["Email"] = string.Create(c, $"{first.ToLowerInvariant()}.{row}@{Domains[row % Domains.Length]}"),
            ["Title"] = Titles[row * 3 % Titles.Length],
            ["Phone"] = row % 11 == 0 ? null : string.Create(c, $"+1 415 555 {row % 10_000:D4}"),
            ["AccountId"] = "001" + (row / 40).ToString("D15", c),
            ["Score__c"] = (row * 37 % 1000 / 10.0).ToString("0.0", c),
        };
    }

    /// <summary>
    /// Writes the same contacts as a CSV file with the columns the sync lands them under (<c>first_name</c>,
    /// <c>email</c>, ..., <c>score_c</c>), keyed by <c>Id</c>; returns its size in bytes.
    /// </summary>
    public static long WriteCsv(string path, int rows, DateTimeOffset from)
    {
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            writer.Write("Id,first_name,last_name,email,title,phone,AccountId,score_c,SystemModstamp\n");
            for (var row = 0; row < rows; row++)
            {
                var v = Values(row);
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{Id(row)},{v["FirstName"]},{v["LastName"]},{v["Email"]},{v["Title"]},{v["Phone"]},{v["AccountId"]},{v["Score__c"]},{Stamp(row, from).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\n"));
            }
        }

        return new FileInfo(path).Length;
    }
}
