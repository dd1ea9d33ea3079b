namespace Audiences.Sdk.Profiles;

/// <summary>The closed set of value types a profile field can hold.</summary>
public enum FieldType
{
    /// <summary>Unicode text.</summary>
    Text = 1,

    /// <summary>A finite double-precision number. Numbers compare numerically whatever their source text.</summary>
    Number = 2,

    /// <summary>True or false.</summary>
    Boolean = 3,

    /// <summary>An instant in time, held in UTC. A date without a time is midnight UTC.</summary>
    DateTime = 4,

    /// <summary>An ordered list of text values.</summary>
    TextList = 5,
}
