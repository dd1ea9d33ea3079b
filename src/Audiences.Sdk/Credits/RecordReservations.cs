namespace Audiences.Sdk.Credits;

/// <summary>Reserving credits for a provider call that charges per record, as runs of enrichments and signals do.</summary>
internal static class RecordReservations
{
    /// <summary>
    /// Reserves the most a call for up to <paramref name="records"/> records can cost, for fewer records when the budget
    /// holds less; no reservation when records cost nothing, and 0 records when the budget cannot pay for one.
    /// </summary>
    public static async Task<(CreditReservation? Reservation, int Records)> ReserveAsync(
        ICreditLedger ledger, string budget, int records, decimal creditsPerRecord, TimeProvider time, TimeSpan hold, string reference, CancellationToken cancellationToken)
    {
        if (creditsPerRecord <= 0)
        {
            return (null, records);
        }

        while (records > 0)
        {
            var now = time.GetUtcNow();
            var reservation = await ledger.TryReserveAsync(budget, records * creditsPerRecord, now, now + hold, reference, cancellationToken).ConfigureAwait(false);
            if (reservation is not null)
            {
                return (reservation, records);
            }

            // The cap cannot take the whole call: as many records as it can still pay for (other runs may take them first).
            var available = (await ledger.GetBudgetAsync(budget, now, cancellationToken).ConfigureAwait(false)).Available ?? 0;
            records = (int)Math.Min(records - 1, decimal.Floor(available / creditsPerRecord));
        }

        return (null, 0);
    }
}
