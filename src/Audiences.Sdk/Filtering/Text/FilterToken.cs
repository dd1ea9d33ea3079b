namespace Audiences.Sdk.Filtering;

/// <summary>One token: its kind, where it is in the text, its raw text and, for literals, its value.</summary>
internal readonly record struct FilterToken(TokenKind Kind, int Offset, int Length, string Raw, string Value)
{
    /// <summary>Whether the token is the keyword <paramref name="word"/> (keywords ignore case).</summary>
    public bool IsKeyword(string word) => Kind == TokenKind.Identifier && string.Equals(Raw, word, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token is named in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of text",
        TokenKind.Text => $"text {Raw}",
        _ => $"'{Raw}'",
    };
}
