using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Samples.Providers;

/// <summary>
/// Reads a person's job changes from their source records: walking the records in the order they were observed, each
/// record whose <c>title</c> or <c>company_domain</c> differs from the last one seen is a change, dated when that
/// record was observed.
/// </summary>
/// <remarks>
/// A record without the field says nothing about it, so it neither fires nor resets the comparison. Titles compare
/// trimmed and ignoring case, and domains as bare hosts, so "VP Sales" against "vp sales " or <c>acme.com</c> against
/// <c>https://www.acme.com/</c> is the same job, written differently.
/// </remarks>
internal static class JobChangeDetector
{
    public const string TitleField = "title";
    public const string CompanyDomainField = "company_domain";

    /// <summary>The changes at or after <paramref name="since"/>, newest first.</summary>
    public static IReadOnlyList<SignalEvent> Detect(Profile person, DateTimeOffset since)
    {
        // Ordered by observation, not by storage order, so a store that keeps its records newest first still reads old → new.
        var observed = person.Sources.OrderBy(s => s.ObservedAt).ToList();
        var events = new List<SignalEvent>();
        string? title = null;
        string? domain = null;
        foreach (var source in observed)
        {
            var changes = new List<string>(2);
            title = Compare(source.Record, TitleField, text => text.Trim(), StringComparer.OrdinalIgnoreCase, title, changes);
            domain = Compare(source.Record, CompanyDomainField, DomainName.Normalize, StringComparer.Ordinal, domain, changes);
            if (changes.Count > 0 && source.ObservedAt >= since)
            {
                events.Add(new SignalEvent(source.ObservedAt, string.Join("; ", changes)));
            }
        }

        events.Reverse();
        return events;
    }

    /// <summary>Notes a change of one field against the last value seen; returns the value to compare the next record with.</summary>
    private static string? Compare(
        SourceRecord record, string field, Func<string, string> normalize, StringComparer comparer, string? previous, List<string> changes)
    {
        if (!record.Values.TryGetValue(field, out var value) || value.IsEmpty)
        {
            return previous;
        }

        var current = normalize(value.ToString());
        if (current.Length == 0)
        {
            return previous;
        }

        if (previous is not null && !comparer.Equals(previous, current))
        {
            changes.Add($"{field}: {previous} → {current}");
        }

        return current;
    }
}
