using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// A saved audience: a named filter over people or companies whose membership the SDK keeps current.
/// </summary>
/// <remarks>The criteria are stored as versioned JSON (<see cref="FilterJson"/>); <see cref="Filter"/> reads them.</remarks>
public sealed record Audience
{
    /// <summary>The id, unique in the store and never reused.</summary>
    public required long Id { get; init; }

    /// <summary>The name; unique in the workspace regardless of case.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of profiles it selects.</summary>
    public required EntityKind Kind { get; init; }

    /// <summary>The criteria as versioned filter JSON (see docs/filters.md).</summary>
    public required string FilterJson { get; init; }

    /// <summary>Draft or active.</summary>
    public required AudienceStatus Status { get; init; }

    /// <summary>Who sees it.</summary>
    public required AudienceVisibility Visibility { get; init; }

    /// <summary>The user who created it (users are data, not tenants: any non-blank name the host uses).</summary>
    public required string CreatedBy { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its name, criteria, status or visibility last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The audience it was derived from, or null.</summary>
    public long? ParentId { get; init; }

    /// <summary>Grows by one with every change of the audience's definition.</summary>
    public long Revision { get; init; }

    /// <summary>Reads the criteria as a filter tree (parsed from <see cref="FilterJson"/> on each call).</summary>
    /// <exception cref="System.Text.Json.JsonException">The stored JSON is not a valid filter.</exception>
    public Filter GetFilter() => Filtering.FilterJson.Deserialize(FilterJson);
}
