namespace Audiences.Samples.Providers;

/// <summary>One company in a reference table: what <see cref="SampleCompanyProvider"/> answers for its domain.</summary>
/// <param name="Domain">The bare, lower-case domain it is found by, e.g. <c>brightlane.io</c>.</param>
/// <param name="Name">The company's name, for people reading the table.</param>
/// <param name="Employees">How many people it employs.</param>
/// <param name="Industry">What it does, e.g. <c>Software</c>.</param>
public sealed record CompanyReference(string Domain, string Name, int Employees, string Industry);
