namespace Audiences.Sdk.Signals;

/// <summary>
/// The companion audience a signal keeps for one of its audiences: that audience's criteria and "the signal fired"
/// (its field is not empty). It is an ordinary audience, listed with the others.
/// </summary>
/// <param name="Audience">The id of the audience the signal watches.</param>
/// <param name="Companion">The id of its companion audience.</param>
public sealed record SignalCompanion(long Audience, long Companion);
