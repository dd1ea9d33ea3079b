namespace Audiences.Sdk.Signals;

/// <summary>How far back a signal looks the first time it checks a record; later checks look back to the previous one.</summary>
public enum SignalLookBack
{
    /// <summary>Three months.</summary>
    ThreeMonths = 3,

    /// <summary>Six months.</summary>
    SixMonths = 6,

    /// <summary>Twelve months.</summary>
    TwelveMonths = 12,
}
