namespace Audiences.Sdk.DependencyInjection;

/// <summary>Nothing to set: the options whose validation checks the registered providers' names when the host starts.</summary>
internal sealed class ProviderNamesCheck;
