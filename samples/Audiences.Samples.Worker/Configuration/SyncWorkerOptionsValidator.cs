using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Audiences.Samples.Worker.Configuration;

/// <summary>
/// Refuses the <c>Audiences</c> section when the host starts (it is registered with <c>ValidateOnStart</c>), before
/// any store is opened, naming every problem by its configuration path.
/// </summary>
internal sealed class SyncWorkerOptionsValidator(IHostEnvironment environment) : IValidateOptions<SyncWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = ConfiguredSyncs.Read(options, environment.ContentRootPath).Problems;
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
