namespace Audiences.Sdk.Salesforce;

/// <summary>The waits between polls of a job: starting at the poll interval, doubling, never above the maximum.</summary>
internal static class SalesforceBackoff
{
    public static TimeSpan Next(TimeSpan current, TimeSpan max) =>
        current <= TimeSpan.Zero ? TimeSpan.Zero : current >= max / 2 ? max : current * 2;
}
