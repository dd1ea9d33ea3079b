namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>What part of a value a <see cref="BlockingKey"/> compares exactly.</summary>
public enum BlockingKeyKind
{
    /// <summary>The whole normalized value.</summary>
    Exact,

    /// <summary>The first <see cref="BlockingKey.Length"/> characters.</summary>
    Prefix,

    /// <summary>The Soundex code of the value's letters (so "smith" and "smyth" share a block).</summary>
    Soundex,

    /// <summary>An email's local part, before the last <c>@</c> (so a changed domain still meets).</summary>
    LocalPart,
}
