using System.Globalization;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>
/// Writes credit amounts as the decimal's invariant-culture text (e.g. <c>1234567.89</c>, <c>0.001</c>) and reads them back.
/// Text keeps every <see cref="decimal"/> exactly, where a REAL would round and integer micro-credits would cut off digits;
/// so amounts are added up in C#, never by SQL.
/// </summary>
internal static class CreditAmountCodec
{
    public static string Encode(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static decimal Decode(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
