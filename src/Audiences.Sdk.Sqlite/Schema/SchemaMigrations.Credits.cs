namespace Audiences.Sdk.Sqlite.Schema;

// The SQL of the credit ledger's step; the list of steps is in SchemaMigrations.cs.
internal static partial class SchemaMigrations
{
    // Budget names are kept as given and compared exactly (BINARY collation). Amounts are TEXT, the decimal's
    // invariant-culture form (CreditAmountCodec), so they come back exactly; a budget's row keeps the sum of its spend
    // entries, updated with each entry, so that a reservation reads one row rather than adding up the history.
    // Times are UTC ticks. Reservation ids come from AUTOINCREMENT, so an id is never handed out again; a reservation
    // drops expired ones by expiry and adds up a budget's live ones by (budget, expires_at). Spend entries are read
    // newest first by (budget, id).
    private const string Credits = """
        CREATE TABLE credit_budgets (
            name TEXT PRIMARY KEY,
            cap TEXT,
            spent TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE credit_reservations (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            budget TEXT NOT NULL,
            credits TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            reference TEXT);
        CREATE INDEX credit_reservations_by_budget ON credit_reservations (budget, expires_at);
        CREATE INDEX credit_reservations_by_expiry ON credit_reservations (expires_at);

        CREATE TABLE credit_spends (
            id INTEGER PRIMARY KEY,
            budget TEXT NOT NULL,
            credits TEXT NOT NULL,
            at INTEGER NOT NULL,
            reference TEXT);
        CREATE INDEX credit_spends_by_budget ON credit_spends (budget, id);
        """;
}
