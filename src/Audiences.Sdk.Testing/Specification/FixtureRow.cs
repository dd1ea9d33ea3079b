namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// One row of the fixture a <see cref="SourceSpecification"/> reads: an object whose fields are <c>id</c>,
/// <c>name</c>, <c>score</c> and <c>updated_at</c>, the time the row last changed, which the fixture keeps.
/// </summary>
/// <param name="Id">The row's id (the value of the <c>id</c> field).</param>
/// <param name="Name">The <c>name</c> field, text.</param>
/// <param name="Score">The <c>score</c> field, a number.</param>
public sealed record FixtureRow(string Id, string Name, double Score);
