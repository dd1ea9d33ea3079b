using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// A 128-bit hash of what decides whether a stored source record is unchanged by an incoming one: its key,
/// kind, source kind, company link, converted-to key, non-empty values (in any order) and aliases (in any
/// order). Two records with equal content have equal fingerprints; equal fingerprints mean equal content
/// for all practical purposes (XxHash128 over a canonical encoding).
/// </summary>
/// <remarks>
/// The observation time is left out on purpose: an import compares content only, and a source without
/// observation times gets the import's clock, which differs on every run. So does the instruction to
/// join a profile (<see cref="SourceRecord.Profile"/>), which no store keeps.
/// </remarks>
/// <param name="Value">The hash.</param>
public readonly record struct SourceRecordFingerprint(UInt128 Value)
{
    /// <summary>The size of <see cref="WriteTo"/>'s output.</summary>
    public const int Size = 16;

    [ThreadStatic]
    private static XxHash128? t_hash;

    /// <summary>The fingerprint of a stored source record.</summary>
    /// <param name="source">The stored record.</param>
    public static SourceRecordFingerprint Of(StoredSourceRecord source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Of(source.Record, source.Aliases);
    }

    /// <summary>The fingerprint of a record with the aliases it contributes.</summary>
    /// <param name="record">The record.</param>
    /// <param name="aliases">Its normalized aliases.</param>
    public static SourceRecordFingerprint Of(SourceRecord record, IReadOnlyList<AliasKey> aliases)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(aliases);
        var hash = t_hash ??= new XxHash128();
        hash.Reset();
        AppendKey(hash, record.Key);
        AppendInt(hash, (int)record.Kind);
        AppendInt(hash, (int)record.SourceKind);
        AppendCompany(hash, record.Company);
        AppendOptionalKey(hash, record.ConvertedTo);
        AppendValues(hash, record.Values);
        AppendAliases(hash, aliases);
        return new SourceRecordFingerprint(hash.GetCurrentHashAsUInt128());
    }

    /// <summary>Reads a fingerprint written by <see cref="WriteTo"/>.</summary>
    /// <param name="bytes">Exactly <see cref="Size"/> bytes.</param>
    /// <exception cref="ArgumentException">The span is not <see cref="Size"/> bytes long.</exception>
    public static SourceRecordFingerprint Read(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Size
            ? new SourceRecordFingerprint(BinaryPrimitives.ReadUInt128LittleEndian(bytes))
            : throw new ArgumentException($"A fingerprint is {Size} bytes; got {bytes.Length}.", nameof(bytes));

    /// <summary>Writes the fingerprint as <see cref="Size"/> bytes, little-endian.</summary>
    /// <param name="destination">At least <see cref="Size"/> bytes.</param>
    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt128LittleEndian(destination, Value);

    private static void AppendValues(XxHash128 hash, IReadOnlyDictionary<string, FieldValue> values)
    {
        // Equal content means equal non-empty values whatever their order: hash them in key order.
        var keys = ArrayPool<string>.Shared.Rent(Math.Max(values.Count, 1));
        try
        {
            var count = 0;
            foreach (var (key, value) in values)
            {
                if (!value.IsEmpty)
                {
                    keys[count++] = key;
                }
            }

            var present = keys.AsSpan(0, count);
            present.Sort(StringComparer.Ordinal);
            AppendInt(hash, count);
            foreach (var key in present)
            {
                AppendString(hash, key);
                AppendValue(hash, values[key]);
            }
        }
        finally
        {
            ArrayPool<string>.Shared.Return(keys, clearArray: true);
        }
    }

    private static void AppendValue(XxHash128 hash, FieldValue value)
    {
        AppendInt(hash, (int)value.Type);
        switch (value.Type)
        {
            case FieldType.Text:
                AppendString(hash, value.AsText());
                break;
            case FieldType.TextList:
                var items = value.AsList();
                AppendInt(hash, items.Count);
                foreach (var item in items)
                {
                    AppendString(hash, item);
                }

                break;
            case FieldType.Number:
                AppendLong(hash, BitConverter.DoubleToInt64Bits(value.AsNumber()));
                break;
            case FieldType.Boolean:
                AppendLong(hash, value.AsBoolean() ? 1 : 0);
                break;
            case FieldType.DateTime:
                AppendLong(hash, value.AsDateTime().UtcTicks);
                break;
            default:
                // A type added later is hashed by its invariant text until it gets its own encoding.
                AppendString(hash, value.ToString());
                break;
        }
    }

    private static void AppendAliases(XxHash128 hash, IReadOnlyList<AliasKey> aliases)
    {
        var sorted = aliases.Count <= 1 ? aliases : [.. aliases.Order(AliasOrder.Instance)];
        AppendInt(hash, sorted.Count);
        foreach (var alias in sorted)
        {
            AppendString(hash, alias.Field);
            AppendString(hash, alias.Value);
        }
    }

    private static void AppendCompany(XxHash128 hash, CompanyLink? company)
    {
        if (company?.Domain is { } domain)
        {
            AppendInt(hash, 1);
            AppendString(hash, domain);
        }
        else if (company?.Account is { } account)
        {
            AppendInt(hash, 2);
            AppendKey(hash, account);
        }
        else
        {
            AppendInt(hash, 0);
        }
    }

    private static void AppendOptionalKey(XxHash128 hash, SourceRecordKey? key)
    {
        AppendInt(hash, key is null ? 0 : 1);
        if (key is { } present)
        {
            AppendKey(hash, present);
        }
    }

    private static void AppendKey(XxHash128 hash, SourceRecordKey key)
    {
        AppendString(hash, key.Source);
        AppendString(hash, key.ObjectName);
        AppendString(hash, key.ExternalId);
    }

    // Strings are length-prefixed UTF-16 code units, so no two sequences of strings encode alike.
    private static void AppendString(XxHash128 hash, string value)
    {
        AppendInt(hash, value.Length);
        hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
    }

    private static void AppendInt(XxHash128 hash, int value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        hash.Append(bytes);
    }

    private static void AppendLong(XxHash128 hash, long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        hash.Append(bytes);
    }

    private sealed class AliasOrder : IComparer<AliasKey>
    {
        public static readonly AliasOrder Instance = new();

        public int Compare(AliasKey x, AliasKey y)
        {
            var field = string.CompareOrdinal(x.Field, y.Field);
            return field != 0 ? field : string.CompareOrdinal(x.Value, y.Value);
        }
    }
}
