using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Ads;

/// <summary>Checks <see cref="AdPlatformOptions"/> when the host starts, and says what to change.</summary>
internal sealed class AdPlatformOptionsValidator : IValidateOptions<AdPlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, AdPlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DefaultPhoneRegion is { } region && !AdPhone.IsSupportedRegion(region))
        {
            failures.Add($"AdPlatformOptions.DefaultPhoneRegion is '{region}', which is no region code; write e.g. \"US\" or \"GB\", or leave it null.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero && options.RequestTimeout != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"AdPlatformOptions.RequestTimeout is {options.RequestTimeout}; it must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
