namespace Audiences.Sdk.Signals;

/// <summary>The words that name signal types in text: <c>job-change</c>, <c>funding</c>, <c>hiring-spike</c>, <c>custom</c>.</summary>
public static class SignalTypeText
{
    /// <summary>The words, for messages.</summary>
    public const string Choices = "job-change, funding, hiring-spike or custom";

    /// <summary>The word for a type.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined type.</exception>
    public static string Word(SignalType type) => type switch
    {
        SignalType.JobChange => "job-change",
        SignalType.Funding => "funding",
        SignalType.HiringSpike => "hiring-spike",
        SignalType.Custom => "custom",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a signal type."),
    };

    /// <summary>Reads a type's word, ignoring case; <c>_</c> may stand for <c>-</c>.</summary>
    public static bool TryParse(string? word, out SignalType type)
    {
        type = (word?.Trim().Replace('_', '-').ToLowerInvariant()) switch
        {
            "job-change" => SignalType.JobChange,
            "funding" => SignalType.Funding,
            "hiring-spike" => SignalType.HiringSpike,
            "custom" => SignalType.Custom,
            _ => 0,
        };
        return type != 0;
    }
}
