using System.Text;

namespace Audiences.Cli.Tests;

/// <summary>A stderr that cancels a token when a line with the trigger text is written.</summary>
public sealed class CancellingWriter(CancellationTokenSource cancellation, string trigger) : StringWriter
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value?.Contains(trigger, StringComparison.Ordinal) == true)
        {
            cancellation.Cancel();
        }
    }

    public override Encoding Encoding => Encoding.UTF8;
}
