using Audiences.Sdk.Profiles;
namespace Audiences.Sdk.Signals;

/// <summary>Why one record of a signal run could not be checked.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Message">What went wrong.</param>
public sealed record SignalError(ProfileId Profile, string Message);
