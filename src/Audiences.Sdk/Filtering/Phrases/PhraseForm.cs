using System.Text.RegularExpressions;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// One way of stating a condition after the field in plain language ("less than 500", "is SaaS or Fintech").
/// </summary>
/// <param name="Example">How the form reads, for error messages.</param>
/// <param name="Pattern">Matches the lower-cased text after the field; groups <c>v</c> and <c>w</c> hold values, <c>n</c> and <c>u</c> a duration.</param>
/// <param name="Operator">The operator the form gives; <see cref="FilterOperator.In"/> and <see cref="FilterOperator.NotIn"/> become <c>=</c> and <c>!=</c> for a single value.</param>
internal sealed record PhraseForm(string Example, Regex Pattern, FilterOperator Operator);
