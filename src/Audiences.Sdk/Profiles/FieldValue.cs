using System.Globalization;

namespace Audiences.Sdk.Profiles;

/// <summary>
/// One value of a profile field: text, number, boolean, date-time or list of text, or empty.
/// </summary>
/// <remarks>
/// The value is a small immutable struct; <c>default(FieldValue)</c> is <see cref="Empty"/>.
/// Blank text and empty lists are empty values, so "no value" has exactly one representation
/// in every store. Numbers are finite doubles (the representation SQLite and the in-memory store
/// share); date-times are UTC instants with tick precision.
/// </remarks>
public readonly struct FieldValue : IEquatable<FieldValue>
{
    private readonly object? _reference;
    private readonly long _bits;

    private FieldValue(FieldType type, object? reference, long bits)
    {
        Type = type;
        _reference = reference;
        _bits = bits;
    }

    /// <summary>The empty value.</summary>
    public static FieldValue Empty => default;

    /// <summary>The value's type, or <c>0</c> when the value is empty.</summary>
    public FieldType Type { get; }

    /// <summary>Whether the value is empty.</summary>
    public bool IsEmpty => Type == 0;

    /// <summary>Creates a text value; null, empty or white-space text gives <see cref="Empty"/>.</summary>
    /// <param name="value">The text, kept as given (not trimmed) when it has content.</param>
    public static FieldValue FromText(string? value) =>
        string.IsNullOrWhiteSpace(value) ? Empty : new FieldValue(FieldType.Text, value, 0);

    /// <summary>Creates a number value.</summary>
    /// <param name="value">A finite number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static FieldValue FromNumber(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A number field value must be finite (not NaN or infinity).");
        }

        // Fold -0 into 0 so equal numbers have equal bits.
        return new FieldValue(FieldType.Number, null, BitConverter.DoubleToInt64Bits(value == 0 ? 0d : value));
    }

    /// <summary>Creates a boolean value.</summary>
    public static FieldValue FromBoolean(bool value) => new(FieldType.Boolean, null, value ? 1 : 0);

    /// <summary>Creates a date-time value, converted to UTC.</summary>
    public static FieldValue FromDateTime(DateTimeOffset value) => new(FieldType.DateTime, null, value.UtcTicks);

    /// <summary>Creates a list-of-text value; blank items are dropped and an empty list gives <see cref="Empty"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static FieldValue FromList(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray();
        return items.Length == 0 ? Empty : new FieldValue(FieldType.TextList, items, 0);
    }

    /// <summary>The text of a <see cref="FieldType.Text"/> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not text.</exception>
    public string AsText() => Type == FieldType.Text ? (string)_reference! : throw WrongType(FieldType.Text);

    /// <summary>The number of a <see cref="FieldType.Number"/> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public double AsNumber() => Type == FieldType.Number ? BitConverter.Int64BitsToDouble(_bits) : throw WrongType(FieldType.Number);

    /// <summary>The boolean of a <see cref="FieldType.Boolean"/> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a boolean.</exception>
    public bool AsBoolean() => Type == FieldType.Boolean ? _bits != 0 : throw WrongType(FieldType.Boolean);

    /// <summary>The UTC instant of a <see cref="FieldType.DateTime"/> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a date-time.</exception>
    public DateTimeOffset AsDateTime() =>
        Type == FieldType.DateTime ? new DateTimeOffset(_bits, TimeSpan.Zero) : throw WrongType(FieldType.DateTime);

    /// <summary>The items of a <see cref="FieldType.TextList"/> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a list.</exception>
    public IReadOnlyList<string> AsList() => Type == FieldType.TextList ? (string[])_reference! : throw WrongType(FieldType.TextList);

    /// <summary>
    /// Parses text into a value of the given type, with the invariant culture. Blank text gives
    /// <see cref="Empty"/>. Booleans accept true/false, yes/no, y/n and 1/0; date-times accept ISO 8601
    /// dates and date-times (a date alone is midnight UTC, a date-time without offset is UTC);
    /// lists are separated by <c>;</c> or <c>|</c>.
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="type">The type to parse into.</param>
    /// <param name="value">The parsed value.</param>
    /// <param name="error">Why the text does not fit the type, when the method returns false.</param>
    /// <returns>Whether the text fits the type.</returns>
    public static bool TryParse(string? text, FieldType type, out FieldValue value, out string? error) =>
        FieldValueParser.TryParse(text, type, out value, out error);

    /// <summary>
    /// Infers the narrowest type every non-blank sample fits: number (no leading zeros, so codes stay
    /// text), boolean (true/false words), ISO date or date-time, else text.
    /// </summary>
    /// <param name="samples">Raw text values, for example one column of a file.</param>
    public static FieldType InferType(IEnumerable<string?> samples) => FieldValueParser.Infer(samples);

    /// <summary>Formats the value as invariant text (ISO 8601 for date-times, <c>; </c>-separated lists); empty gives "".</summary>
    public override string ToString() => Type switch
    {
        FieldType.Text => AsText(),
        FieldType.Number => AsNumber().ToString("R", CultureInfo.InvariantCulture),
        FieldType.Boolean => AsBoolean() ? "true" : "false",
        FieldType.DateTime => FormatDateTime(AsDateTime()),
        FieldType.TextList => string.Join("; ", AsList()),
        _ => string.Empty,
    };

    /// <inheritdoc />
    public bool Equals(FieldValue other)
    {
        if (Type != other.Type)
        {
            return false;
        }

        return Type switch
        {
            FieldType.Text => string.Equals((string)_reference!, (string)other._reference!, StringComparison.Ordinal),
            FieldType.TextList => ((string[])_reference!).AsSpan().SequenceEqual((string[])other._reference!),
            _ => _bits == other._bits,
        };
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Type switch
    {
        FieldType.Text => HashCode.Combine(Type, StringComparer.Ordinal.GetHashCode((string)_reference!)),
        FieldType.TextList => HashCode.Combine(Type, ((string[])_reference!).Length, ((string[])_reference!)[0]),
        _ => HashCode.Combine(Type, _bits),
    };

    /// <summary>Compares two values for equality.</summary>
    public static bool operator ==(FieldValue left, FieldValue right) => left.Equals(right);

    /// <summary>Compares two values for inequality.</summary>
    public static bool operator !=(FieldValue left, FieldValue right) => !left.Equals(right);

    private static string FormatDateTime(DateTimeOffset value) =>
        value.TimeOfDay == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private InvalidOperationException WrongType(FieldType wanted) =>
        new($"The value is {(IsEmpty ? "empty" : Type.ToString())}, not {wanted}.");
}
