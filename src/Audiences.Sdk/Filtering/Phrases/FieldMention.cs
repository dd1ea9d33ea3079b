namespace Audiences.Sdk.Filtering;

/// <summary>Where a field phrase occurs in the text.</summary>
internal sealed record FieldMention(int Start, int Length, FieldPhrase Phrase)
{
    public int End => Start + Length;
}
