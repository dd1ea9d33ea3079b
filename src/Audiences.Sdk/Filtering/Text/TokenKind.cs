namespace Audiences.Sdk.Filtering;

/// <summary>The kinds of token in the filter text syntax.</summary>
internal enum TokenKind
{
    End,
    Identifier,
    Text,
    Number,
    Date,
    Duration,
    Comparison,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Dot,
}
