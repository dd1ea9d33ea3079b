namespace Audiences.Sdk.Testing.Destinations;

/// <summary>Which method of an <see cref="InMemoryDestination"/> was called.</summary>
public enum InMemoryDestinationCallKind
{
    /// <summary><see cref="InMemoryDestination.DescribeAsync"/>.</summary>
    Describe = 1,

    /// <summary><see cref="InMemoryDestination.ReadAsync"/>.</summary>
    Read = 2,

    /// <summary><see cref="InMemoryDestination.WriteAsync"/>.</summary>
    Write = 3,
}
