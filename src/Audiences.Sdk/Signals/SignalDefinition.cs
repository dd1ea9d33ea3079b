using Audiences.Sdk.Profiles;
namespace Audiences.Sdk.Signals;

/// <summary>
/// A configured signal: which provider watches the members of which audiences for events, how far back it looks the
/// first time, and how often it checks again. Kept by the store by name; one signal serves many audiences.
/// </summary>
/// <param name="Name">
/// The signal's name, unique in the workspace regardless of case: letters, digits, <c>-</c> and <c>_</c>, starting with a
/// letter. It names the fields the signal writes (<see cref="Field"/>, <see cref="DetailsField"/>).
/// </param>
/// <param name="Kind">The kind of the profiles it watches; its provider's kind.</param>
/// <param name="Type">The kind of event it watches for; its provider's type.</param>
/// <param name="Provider">The signal provider's name.</param>
/// <param name="Audiences">The ids of the audiences whose members it checks. At least one.</param>
public sealed record SignalDefinition(string Name, EntityKind Kind, SignalType Type, string Provider, IReadOnlyList<long> Audiences)
{
    /// <summary>How far back the first check of a record looks.</summary>
    public SignalLookBack LookBack { get; init; } = SignalLookBack.ThreeMonths;

    /// <summary>How often it checks again on its own; null for only by hand.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>The credit budget it spends from; null for one of its own (<c>signal:NAME</c>).</summary>
    public string? Budget { get; init; }

    /// <summary>The companion audience of each of <see cref="Audiences"/>, kept by the signal service (what a caller sets is ignored).</summary>
    public IReadOnlyList<SignalCompanion> Companions { get; init; } = [];

    /// <summary>The budget in effect.</summary>
    public string EffectiveBudget => Budget ?? $"signal:{Name}";

    /// <summary>The field holding the time of the latest event this signal found (<c>signal_NAME</c>).</summary>
    public string Field => SignalFields.For(Name);

    /// <summary>The field describing the latest event this signal found (<c>signal_NAME_details</c>).</summary>
    public string DetailsField => SignalFields.DetailsFor(Name);
}
