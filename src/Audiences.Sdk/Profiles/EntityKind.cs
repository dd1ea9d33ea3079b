namespace Audiences.Sdk.Profiles;

/// <summary>The two kinds of profile the SDK keeps.</summary>
public enum EntityKind
{
    /// <summary>A person (a contact or lead in a CRM).</summary>
    Person = 1,

    /// <summary>A company (an account in a CRM).</summary>
    Company = 2,
}
