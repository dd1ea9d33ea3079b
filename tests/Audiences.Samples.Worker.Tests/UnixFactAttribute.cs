namespace Audiences.Samples.Worker.Tests;

/// <summary>A test of POSIX signals, skipped on Windows, which has none (Ctrl+C there goes through the same host lifetime).</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Windows has no SIGTERM.";
        }
    }
}
