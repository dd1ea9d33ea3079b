using Audiences.Cli.Output;
using Audiences.Sdk.Import;

namespace Audiences.Cli.Cli;

/// <summary>An import stopped by Ctrl+C; the message says how much was committed.</summary>
internal sealed class ImportCancelledException : OperationCanceledException
{
    public ImportCancelledException()
    {
    }

    public ImportCancelledException(string message)
        : base(message)
    {
    }

    public ImportCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImportCancelledException(string file, ImportProgress committed, OperationCanceledException innerException)
        : base(
            $"cancelled: {Formats.Count(committed.Read)} rows of '{file}' were committed in {Formats.Count(committed.Batches)} batches " +
            $"({Formats.Count(committed.Created)} created, {Formats.Count(committed.Updated)} updated, {Formats.Count(committed.Merged)} merged, {Formats.Count(committed.Rejected)} rejected); " +
            "the rest was not imported. Run the same import again to finish: committed rows come back unchanged.",
            innerException,
            innerException.CancellationToken)
    {
    }
}
