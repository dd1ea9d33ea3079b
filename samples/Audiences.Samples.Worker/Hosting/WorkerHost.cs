using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Audiences.Samples.Worker.Hosting;

/// <summary>Runs the host and turns how it ended into the exit code: 0 after a stop, 1 when it could not start or the worker failed.</summary>
internal static class WorkerHost
{
    /// <summary>Builds and runs the host until it stops.</summary>
    /// <param name="error">Receives the line (or, for refused configuration, the lines) naming what went wrong.</param>
    /// <param name="createBuilder">Creates the configured builder; what it throws is reported like any start failure.</param>
    /// <param name="cancellationToken">Stops the host, as Ctrl+C does.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(TextWriter error, Func<HostApplicationBuilder> createBuilder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(createBuilder);
        try
        {
            using var host = createBuilder().Build();
            var outcome = host.Services.GetRequiredService<WorkerOutcome>();

            // The checks ValidateOnStart registered, run before the host starts: refused configuration is then
            // reported once, below, rather than also logged by the host with its stack trace.
            if (host.Services.GetService<IAsyncStartupValidator>() is { } validator)
            {
                await validator.ValidateAsync(cancellationToken);
            }

            await host.RunAsync(cancellationToken);
            if (outcome.Failure is { } failure)
            {
                await error.WriteLineAsync($"error: the sync worker failed: {failure.Message}");
                return 1;
            }

            return 0;
        }
        catch (Exception e) when (ValidationFailures(e) is { Count: > 0 } failures)
        {
            await error.WriteLineAsync("error: the configuration was refused:");
            foreach (var failure in failures)
            {
                await error.WriteLineAsync($"  {failure}");
            }

            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>The failures of options refused at start-up; several sets of options failing arrive as an aggregate.</summary>
    private static List<string> ValidationFailures(Exception e) => e switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(ValidationFailures)],
        _ => [],
    };
}
