using Audiences.Cli.Cli;
using Audiences.Sdk.Signals;

namespace Audiences.Cli.Signals;

/// <summary>Look-backs and signal types as the command line writes them: <c>3m</c>, <c>6m</c>, <c>12m</c>; <c>job-change</c>, ...</summary>
internal static class SignalLookBacks
{
    public const string Choices = "3m, 6m or 12m";

    /// <exception cref="InputException">The value is not 3m, 6m or 12m.</exception>
    public static SignalLookBack Parse(string option, string value) => value.Trim().ToLowerInvariant() switch
    {
        "3m" => SignalLookBack.ThreeMonths,
        "6m" => SignalLookBack.SixMonths,
        "12m" => SignalLookBack.TwelveMonths,
        _ => throw new InputException($"{option} '{value}' is not a look-back; give {Choices} (months)."),
    };

    /// <summary><c>6m</c>.</summary>
    public static string Format(SignalLookBack lookBack) => $"{(int)lookBack}m";

    /// <exception cref="InputException">The value is not a signal type.</exception>
    public static SignalType ParseType(string option, string value) => SignalTypeText.TryParse(value, out var type)
        ? type
        : throw new InputException($"{option} '{value}' is not a signal type; give {SignalTypeText.Choices}.");
}
