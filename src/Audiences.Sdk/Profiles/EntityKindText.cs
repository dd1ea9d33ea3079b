namespace Audiences.Sdk.Profiles;

/// <summary>
/// A kind as messages print it: the word a user types (<c>person</c>, <c>company</c>), not the C#
/// member name, so an error reads the same as the option or filter that caused it.
/// </summary>
internal static class EntityKindText
{
    /// <summary>The kind as one lower-case word: <c>person</c> or <c>company</c>.</summary>
    public static string Word(EntityKind kind) => kind switch
    {
        EntityKind.Person => "person",
        EntityKind.Company => "company",
        _ => kind.ToString(),
    };
}
