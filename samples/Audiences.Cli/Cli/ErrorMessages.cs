using System.Data.Common;
using Audiences.Cli.Output;
using Audiences.Sdk.Csv;
using Microsoft.Extensions.Options;

namespace Audiences.Cli.Cli;

/// <summary>Turns the exceptions that mean "this input cannot be used" into one line for stderr.</summary>
internal static class ErrorMessages
{
    /// <summary>The message for an input error, or null when the exception is not one (a defect).</summary>
    public static string? DescribeBadInput(Exception exception, string databasePath)
    {
        var message = exception switch
        {
            InputException e => e.Message,
            CsvSourceException e => e.Message,
            OptionsValidationException e => "the SDK's settings are invalid: " + string.Join(" ", e.Failures),

            // A null argument is a defect of this program, not of its input.
            ArgumentNullException => null,
            ArgumentException e => WithoutParameterName(e),
            FormatException e => e.Message,
            DbException e => $"--db: the database '{databasePath}' cannot be used: {e.Message}",
            IOException or UnauthorizedAccessException => exception.Message,
            _ => null,
        };
        return message is null ? null : Formats.OneLine(message);
    }

    // ArgumentException appends " (Parameter 'name')", which names a C# parameter the user never saw.
    public static string WithoutParameterName(ArgumentException exception)
    {
        var suffix = exception.ParamName is null ? null : $" (Parameter '{exception.ParamName}')";
        return suffix is not null && exception.Message.EndsWith(suffix, StringComparison.Ordinal)
            ? exception.Message[..^suffix.Length]
            : exception.Message;
    }
}
