namespace Audiences.Sdk.Signals.Engine;

/// <summary>What one signal run did, counted as it goes.</summary>
internal sealed class SignalTally(int maxErrors)
{
    private readonly List<SignalError> _errors = [];

    public long Checked { get; set; }

    public long Fired { get; set; }

    public long Failed { get; private set; }

    public decimal Credits { get; set; }

    public void Fail(SignalError error)
    {
        Failed++;
        if (_errors.Count < maxErrors)
        {
            _errors.Add(error);
        }
    }

    public SignalRun ApplyTo(SignalRun run) => run with
    {
        Checked = Checked,
        Fired = Fired,
        Failed = Failed,
        Credits = Credits,
        Errors = [.. _errors],
    };
}
