using System.Globalization;
using System.Text;

namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>
/// Generates people for probabilistic deduplication, deterministically (same seed and count, same
/// rows): first name, surname, date of birth, city and email, where about a quarter of the people
/// appear two to four times and every extra copy carries the errors real files have — typos,
/// missing values, swapped first name and surname, day and month swapped, a year off by one, a
/// changed email. Each row knows its person (<see cref="FuzzyPerson.Entity"/>), which is the truth
/// precision and recall are measured against.
/// </summary>
/// <remarks>
/// Names are made from syllables and drawn with a Zipf–Mandelbrot distribution, so a few names
/// are common and most are rare, as in a real population: blocking on a name alone would produce huge
/// blocks, which is what the block cap and pairwise rules are for. A seeded <see cref="Random"/>
/// makes a million rows in about a second, so generation never dominates a measurement.
/// </remarks>
public static class FuzzyPersonGenerator
{
    /// <summary>The field names, in the order of <see cref="FuzzyPerson.Values"/>.</summary>
    public static readonly string[] Fields = ["first_name", "surname", "dob", "city", "email"];

    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch", "cl", "dr", "fl", "gr", "kr", "pr", "sh", "st", "th", "tr"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ie", "ou", "y"];
    private static readonly string[] Codas = ["", "", "n", "r", "l", "s", "th", "nd", "rt", "ck", "m", "x", "ll", "tt"];
    private static readonly string[] Tlds = ["com", "net", "org", "co.uk", "io"];
    private static readonly DateOnly FirstBirthday = new(1940, 1, 1);

    /// <summary>Generates <paramref name="count"/> rows; the first copy of each person comes before its duplicates, which follow in shuffled order.</summary>
    public static FuzzyPerson[] Generate(int count, int seed = PersonGenerator.DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
#pragma warning disable CA5394 // Benchmark data, not security: a seeded generator is the point.
        var random = new Random(seed);
        // Offsets chosen so the most common value has a realistic share: first name ~3%,
        // surname ~1%, city ~7%, mail domain ~12% (a gmail.com).
        var firstNames = new Zipf(Vocabulary(random, 6_000, 2), 3, random);
        var surnames = new Zipf(Vocabulary(random, 60_000, 3), 10, random);
        var cities = new Zipf(Vocabulary(random, 3_000, 2), 1, random);
        var domains = new Zipf([.. Vocabulary(random, 2_000, 2).Select((d, i) => $"{d}.{Tlds[i % Tlds.Length]}")], 0, random);
        var rows = new List<FuzzyPerson>(count);
        var entity = 0;
        while (rows.Count < count)
        {
            var first = firstNames.Next();
            var last = surnames.Next();
            var dob = FirstBirthday.AddDays(random.Next(24_000));
            var email = string.Concat(first[..Math.Min(first.Length, 1 + random.Next(first.Length))], random.Next(3) == 0 ? "." : string.Empty, last, random.Next(100).ToString(CultureInfo.InvariantCulture), "@", domains.Next());
            string?[] person = [Capitalize(first), Capitalize(last), dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Capitalize(cities.Next()), email];
            var copies = random.NextDouble() < 0.25 ? 2 + random.Next(3) : 1;
            for (var c = 0; c < copies && rows.Count < count; c++)
            {
                rows.Add(new FuzzyPerson(rows.Count, entity, c == 0 ? person : Corrupt(person, random)));
            }

            entity++;
        }

        // Duplicates arrive in any order in real files; shuffle, then renumber the ids in row order.
        for (var i = rows.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
#pragma warning restore CA5394

        return [.. rows.Select((r, i) => r with { Id = i })];
    }

#pragma warning disable CA5394
    private static string?[] Corrupt(string?[] person, Random random)
    {
        var copy = (string?[])person.Clone();
        if (random.NextDouble() < 0.04)
        {
            (copy[0], copy[1]) = (copy[1], copy[0]);
        }

        for (var f = 0; f < copy.Length; f++)
        {
            var roll = random.NextDouble();
            if (roll < 0.12)
            {
                copy[f] = null;
            }
            else if (roll < 0.30 && copy[f] is { } value)
            {
                copy[f] = f == 2 ? CorruptDate(value, random) : Typo(value, random);
            }
        }

        return copy;
    }

    private static string CorruptDate(string date, Random random)
    {
        var d = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return random.Next(4) switch
        {
            0 when d.Day <= 12 => new DateOnly(d.Year, d.Day, d.Month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            1 => d.AddYears(random.Next(2) == 0 ? -1 : 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            2 => d.AddDays(random.Next(-40, 41)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Typo(date, random, digitsOnly: true),
        };
    }

    private static string Typo(string value, Random random, bool digitsOnly = false)
    {
        var text = new StringBuilder(value);
        var at = random.Next(text.Length);
        if (digitsOnly)
        {
            while (!char.IsAsciiDigit(text[at]))
            {
                at = random.Next(text.Length);
            }

            text[at] = (char)('0' + random.Next(10));
            return text.ToString();
        }

        switch (random.Next(4))
        {
            case 0 when at + 1 < text.Length:
                (text[at], text[at + 1]) = (text[at + 1], text[at]);
                break;
            case 1 when text.Length > 3:
                text.Remove(at, 1);
                break;
            case 2:
                text.Insert(at, (char)('a' + random.Next(26)));
                break;
            default:
                text[at] = (char)('a' + random.Next(26));
                break;
        }

        return text.ToString();
    }

    private static string[] Vocabulary(Random random, int size, int maxSyllables)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>(size);
        var text = new StringBuilder();
        while (ordered.Count < size)
        {
            text.Clear();
            var syllables = 1 + random.Next(maxSyllables);
            for (var s = 0; s < syllables; s++)
            {
                text.Append(Onsets[random.Next(Onsets.Length)]).Append(Vowels[random.Next(Vowels.Length)]).Append(Codas[random.Next(Codas.Length)]);
            }

            var word = text.ToString();
            if (word.Length >= 3 && words.Add(word))
            {
                ordered.Add(word);
            }
        }

        return [.. ordered];
    }
#pragma warning restore CA5394

    private static string Capitalize(string word) => string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1));

    /// <summary>Draws words with probability proportional to 1 / (rank + offset).</summary>
    private sealed class Zipf(string[] words, int offset, Random random)
    {
        private readonly double[] _cumulative = Cumulative(words.Length, offset);

#pragma warning disable CA5394
        public string Next()
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble() * _cumulative[^1]);
            return words[Math.Min(index < 0 ? ~index : index, words.Length - 1)];
        }
#pragma warning restore CA5394

        private static double[] Cumulative(int count, int offset)
        {
            var cumulative = new double[count];
            double sum = 0;
            for (var i = 0; i < count; i++)
            {
                sum += 1.0 / (i + 1 + offset);
                cumulative[i] = sum;
            }

            return cumulative;
        }
    }
}
