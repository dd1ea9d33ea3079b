using Audiences.Sdk.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Refuses providers of one kind that share a name, or have none, and says which.</summary>
internal sealed class ProviderNamesValidator(IServiceProvider services) : IValidateOptions<ProviderNamesCheck>
{
    public ValidateOptionsResult Validate(string? name, ProviderNamesCheck options)
    {
        var failures = ProviderNames.Problems("enrichment", services.GetServices<Enrichment.IEnrichmentProvider>().Select(p => p.Name))
            .Concat(ProviderNames.Problems("signal", services.GetServices<Signals.ISignalProvider>().Select(p => p.Name)))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
