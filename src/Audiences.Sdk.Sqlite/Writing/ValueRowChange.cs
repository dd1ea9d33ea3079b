using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// A queued insert or delete of one <c>profile_values</c> row. <see cref="Value"/> holds the value:
/// 0/1, UTC ticks, the bits of a number (<see cref="BitConverter.DoubleToInt64Bits"/>) or, for text,
/// the offset of its folded UTF-8 in the queue's text buffer, <see cref="TextLength"/> bytes long.
/// A list item is Text. <see cref="Sequence"/> is the order it was queued in.
/// </summary>
internal readonly record struct ValueRowChange(
    long Field, long ProfileId, long Value, int TextLength, int Sequence, FieldType Type, bool Delete);
