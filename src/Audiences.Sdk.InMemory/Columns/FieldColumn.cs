using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// One field's values over the rows of a <see cref="ColumnTable"/>, in typed arrays built for
/// scanning: the value's type per row, dictionary numbers for text, doubles for numbers (NaN where
/// a row holds no number, so every comparison is false there without a type test) and longs for
/// date-times (UTC ticks) and booleans (0 or 1). An array is allocated when its type first appears.
/// </summary>
internal sealed class FieldColumn
{
    public FieldColumn(int capacity)
    {
        Types = new byte[capacity];
    }

    /// <summary>The <see cref="FieldType"/> of each row's value; 0 when the row has none. Lists are stored as <see cref="FieldType.Text"/>.</summary>
    public byte[] Types { get; private set; }

    /// <summary>Each row's <see cref="TextDictionary"/> number; 0 when the row holds no text.</summary>
    public int[]? Codes { get; private set; }

    /// <summary>Each row's number; NaN when the row holds none.</summary>
    public double[]? Numbers { get; private set; }

    /// <summary>Each row's date-time ticks or boolean (0 or 1); read only where <see cref="Types"/> says so.</summary>
    public long[]? Longs { get; private set; }

    /// <summary>The distinct texts of the field.</summary>
    public TextDictionary Texts { get; } = new();

    /// <summary>Stores a row's value, replacing what the row held; returns the value with the dictionary's own text.</summary>
    public FieldValue Set(int row, FieldValue value)
    {
        Clear(row);
        switch (value.Type)
        {
            case FieldType.Text or FieldType.TextList:
                Types[row] = (byte)FieldType.Text;
                var code = Texts.Intern(value);
                (Codes ??= new int[Types.Length])[row] = code;
                return value.Type == FieldType.Text ? Texts.TextOf(code) : value;
            case FieldType.Number:
                Types[row] = (byte)FieldType.Number;
                (Numbers ??= NewNumbers(Types.Length))[row] = value.AsNumber();
                break;
            case FieldType.Boolean:
                Types[row] = (byte)FieldType.Boolean;
                (Longs ??= new long[Types.Length])[row] = value.AsBoolean() ? 1 : 0;
                break;
            case FieldType.DateTime:
                Types[row] = (byte)FieldType.DateTime;
                (Longs ??= new long[Types.Length])[row] = value.AsDateTime().UtcTicks;
                break;
        }

        return value;
    }

    /// <summary>Empties a row.</summary>
    public void Clear(int row)
    {
        switch ((FieldType)Types[row])
        {
            case FieldType.Text:
                Codes![row] = 0;
                break;
            case FieldType.Number:
                Numbers![row] = double.NaN;
                break;
        }

        Types[row] = 0;
    }

    /// <summary>Grows every array to <paramref name="capacity"/> rows.</summary>
    public void Grow(int capacity)
    {
        var old = Types.Length;
        Types = Resize(Types, capacity);
        Codes = Codes is null ? null : Resize(Codes, capacity);
        Longs = Longs is null ? null : Resize(Longs, capacity);
        if (Numbers is not null)
        {
            Numbers = Resize(Numbers, capacity);
            Numbers.AsSpan(old).Fill(double.NaN);
        }
    }

    /// <summary>Rebuilds the arrays with row <c>i</c> taken from old row <c>rows[i]</c>.</summary>
    public void Remap(ReadOnlySpan<int> rows, int capacity)
    {
        Types = Gather<byte>(Types, rows, capacity, 0);
        Codes = Codes is null ? null : Gather<int>(Codes, rows, capacity, 0);
        Numbers = Numbers is null ? null : Gather(Numbers, rows, capacity, double.NaN);
        Longs = Longs is null ? null : Gather<long>(Longs, rows, capacity, 0);
    }

    private static double[] NewNumbers(int capacity)
    {
        var numbers = new double[capacity];
        numbers.AsSpan().Fill(double.NaN);
        return numbers;
    }

    private static T[] Resize<T>(T[] array, int capacity)
    {
        Array.Resize(ref array, capacity);
        return array;
    }

    private static T[] Gather<T>(T[] source, ReadOnlySpan<int> rows, int capacity, T empty)
    {
        var target = new T[capacity];
        for (var i = 0; i < rows.Length; i++)
        {
            target[i] = source[rows[i]];
        }

        target.AsSpan(rows.Length).Fill(empty);
        return target;
    }
}
