using System.Globalization;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>
/// Generates people with ten fields each, deterministically: the same seed and count give the same
/// records, so every store, the raw reference and the CSV file see identical data. Emails and
/// LinkedIn URLs carry the row number, so every row is a distinct person and nothing merges.
/// </summary>
/// <remarks>
/// A plain seeded <see cref="Random"/> over small word lists rather than a faker library: it
/// produces a million rows in well under a second, so generation never dominates a measurement.
/// </remarks>
public static class PersonGenerator
{
    /// <summary>The seed every measurement uses.</summary>
    public const int DefaultSeed = 20_251_129;

    /// <summary>The source name in every generated record key.</summary>
    public const string SourceName = "bench";

    /// <summary>The object name in every generated record key.</summary>
    public const string ObjectName = "people";

    // A fixed observation time keeps a re-import of the same rows byte-for-byte identical.
    private static readonly DateTimeOffset ObservedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SignUpStart = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] FirstNames =
        ["ada", "alan", "grace", "linus", "edsger", "barbara", "donald", "margaret", "ken", "radia", "tim", "frances", "john", "sophie", "niklaus", "anita"];

    private static readonly string[] LastNames =
        ["lovelace", "turing", "hopper", "torvalds", "dijkstra", "liskov", "knuth", "hamilton", "thompson", "perlman", "berners", "allen", "backus", "wilson", "wirth", "borg"];

    private static readonly string[] Titles =
        ["Engineer", "CTO", "VP Sales", "Designer", "Founder", "Analyst", "Recruiter", "Marketer", "CFO", "Data Lead"];

    private static readonly string[] Cities =
        ["Berlin", "Paris", "London", "Austin", "Toronto", "Madrid", "Lisbon", "Oslo", "Denver", "Sydney", "Dublin", "Zurich"];

    private static readonly string[] Countries = ["DE", "FR", "GB", "US", "CA", "ES", "PT", "NO", "AU", "IE", "CH"];

    private static readonly string[] CompanyWords =
        ["acme", "blue", "nova", "peak", "iron", "leaf", "bright", "north", "stone", "wave", "pixel", "cloud", "river", "swift", "solar", "delta"];

    private static readonly string[] Tlds = ["com", "io", "dev", "net"];

    /// <summary>Streams <paramref name="count"/> people; each call starts over from the seed.</summary>
    public static IEnumerable<SourceRecord> Generate(int count, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
#pragma warning disable CA5394 // Benchmark data, not security: a seeded generator is the point.
        var random = new Random(seed);
        for (var i = 1; i <= count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var company = random.Next(4096);
            var domain = string.Concat(CompanyWords[company & 15], CompanyWords[(company >> 4) & 15], ".", Tlds[(company >> 8) & 3]);
            var id = i.ToString(CultureInfo.InvariantCulture);
            var values = new Dictionary<string, FieldValue>(10, StringComparer.Ordinal)
            {
                [PersonFields.Email] = FieldValue.FromText(string.Concat(first[..1], last, id, "@", domain)),
                [PersonFields.LinkedInUrl] = FieldValue.FromText(string.Concat("linkedin.com/in/", first[..1], last, id)),
                [PersonFields.FirstName] = FieldValue.FromText(Capitalize(first)),
                [PersonFields.LastName] = FieldValue.FromText(Capitalize(last)),
                [PersonFields.Title] = FieldValue.FromText(Fresh(Titles[random.Next(Titles.Length)])),
                [PersonFields.CompanyDomain] = FieldValue.FromText(domain),
                [PersonFields.City] = FieldValue.FromText(Fresh(Cities[random.Next(Cities.Length)])),
                [PersonFields.Country] = FieldValue.FromText(Fresh(Countries[random.Next(Countries.Length)])),
                // Employee counts belong to the company, so people of one company agree.
                [PersonFields.EmployeeCount] = FieldValue.FromNumber(10 + (company * 37 % 5000)),
                [PersonFields.SignedUpAt] = FieldValue.FromDateTime(SignUpStart.AddSeconds(random.Next(150_000_000))),
            };
#pragma warning restore CA5394

            yield return new SourceRecord(new SourceRecordKey(SourceName, ObjectName, id), EntityKind.Person, SourceKind.Csv, values)
            {
                ObservedAt = ObservedAt,
            };
        }
    }

    /// <summary>Generates every record up front, so a measurement times the import and not the generator.</summary>
    public static SourceRecord[] GenerateArray(int count, int seed = DefaultSeed) => [.. Generate(count, seed)];

    // A parsed file gives every row its own strings; sharing the word-list instances would
    // understate what a store keeps per profile.
    private static string Fresh(string word) => new(word.AsSpan());

    private static string Capitalize(string name) => string.Concat(char.ToUpperInvariant(name[0]).ToString(), name.AsSpan(1));
}
