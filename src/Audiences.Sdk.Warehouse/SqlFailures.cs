using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Warehouse;

/// <summary>Tells failures a retry may cure (a dropped connection, a timeout) from those it cannot (a syntax error).</summary>
internal static class SqlFailures
{
    /// <summary>
    /// Whether <paramref name="exception"/> is transient: the provider says so (<see cref="DbException.IsTransient"/>),
    /// it is a timeout or an I/O failure (or caused by one), or the open connection broke under it. A cancellation
    /// the caller asked for is not.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <param name="connection">The connection it happened on, when it was open before; null while opening.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    public static bool IsTransient(Exception exception, DbConnection? connection, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } or TimeoutException or IOException or SocketException)
            {
                return true;
            }
        }

        return exception is DbException && connection is { State: ConnectionState.Broken or ConnectionState.Closed };
    }

    /// <summary>The exception the source throws for a transient failure.</summary>
    /// <param name="objectName">The source object.</param>
    /// <param name="doing">What failed, e.g. "connect to" or "read".</param>
    /// <param name="exception">The provider's exception.</param>
    public static SourceUnavailableException Unavailable(string objectName, string doing, Exception exception) =>
        new($"The SQL source '{objectName}' could not {doing} the database: {exception.Message}", exception);

    /// <summary>The exception the destination throws for a transient failure.</summary>
    /// <param name="table">The destination table.</param>
    /// <param name="doing">What failed, e.g. "connect to" or "write to".</param>
    /// <param name="exception">The provider's exception.</param>
    public static DestinationUnavailableException DestinationUnavailable(string table, string doing, Exception exception) =>
        new($"The SQL destination could not {doing} the table '{table}': {exception.Message}", exception);
}
