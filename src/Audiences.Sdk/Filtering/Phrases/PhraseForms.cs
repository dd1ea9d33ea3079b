using System.Text.RegularExpressions;

namespace Audiences.Sdk.Filtering;

/// <summary>The plain-language forms the offline interpreter knows, most specific first.</summary>
internal static class PhraseForms
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const string Be = @"(?:is |are |was |were )?";
    private const string Duration = @"(?:the )?(?:last|past) (?:(?<n>\d+|[a-z]+) )?(?<u>day|week|month|year)s?";

    /// <summary>Forms of the text after the field.</summary>
    public static IReadOnlyList<PhraseForm> After { get; } =
    [
        Form("is empty", $@"^{Be}(?:empty|missing|blank|unknown|not set|not known|absent|null)$", FilterOperator.IsEmpty),
        Form("is not empty", $@"^{Be}(?:not empty|present|known|set|filled(?: in)?|available|not missing|not blank)$", FilterOperator.IsNotEmpty),
        Form("not in the last N days/weeks/months/years", $@"^{Be}not (?:in|within|during) {Duration}$", FilterOperator.NotWithinLast),
        Form("in the last N days/weeks/months/years", $@"^{Be}(?:in|within|during|over) {Duration}$", FilterOperator.WithinLast),
        Form("between X and Y", $@"^{Be}between (?<v>.+?) and (?<w>.+)$", FilterOperator.Between),
        Form("does not contain X", @"^(?:does not|doesn't|do not|don't) (?:contain|include|mention) (?<v>.+)$", FilterOperator.NotContains),
        Form("contains X", @"^(?:contains?|includes?|mentions?|containing|including|has|have) (?<v>.+)$", FilterOperator.Contains),
        Form("starts with X", @"^(?:starts|begins|starting|beginning) with (?<v>.+)$", FilterOperator.StartsWith),
        Form("ends with X", @"^(?:ends|ending) with (?<v>.+)$", FilterOperator.EndsWith),
        Form("before DATE", $@"^{Be}(?:before|earlier than|prior to) (?<v>.+)$", FilterOperator.Before),
        Form("after DATE", $@"^{Be}(?:after|later than|since) (?<v>.+)$", FilterOperator.After),
        Form("less than N", $@"^{Be}(?:less than|lower than|fewer than|smaller than|below|under|<) ?(?<v>.+)$", FilterOperator.LessThan),
        Form("at most N", $@"^{Be}(?:at most|no more than|not more than|up to|maximum(?: of)?|max|<=) ?(?<v>.+)$", FilterOperator.LessThanOrEqual),
        Form("more than N", $@"^{Be}(?:more than|greater than|higher than|larger than|bigger than|above|over|exceeds|>) ?(?<v>.+)$", FilterOperator.GreaterThan),
        Form("at least N", $@"^{Be}(?:at least|no less than|not less than|minimum(?: of)?|min|>=) ?(?<v>.+)$", FilterOperator.GreaterThanOrEqual),
        Form("N or more", $@"^{Be}(?<v>.+) or (?:more|greater|higher|above)$", FilterOperator.GreaterThanOrEqual),
        Form("N or less", $@"^{Be}(?<v>.+) or (?:less|fewer|lower|below)$", FilterOperator.LessThanOrEqual),
        Form("is not X / is not one of X, Y", @"^(?:is not|isn't|are not|aren't|is neither|not|does not equal|doesn't equal|(?:is )?not equal to|!=|<>)(?: one of| any of| in)? ?(?<v>.+)$", FilterOperator.NotIn),
        Form("is X / is one of X, Y or Z", @"^(?:(?:is|are|equals|is equal to|=|==)(?: one of| any of| in)?|one of|any of|in) ?(?<v>.+)$", FilterOperator.In),
    ];

    /// <summary>"has no X", "without X", "is missing X": the field is empty.</summary>
    public static Regex HasNo { get; } = new(
        @"^(?:has no|have no|with no|without(?: an?)?|no|(?:is |are )?missing(?: an?)?|lacks?(?: an?)?|lacking(?: an?)?|(?:does not|doesn't|do not|don't) have(?: an?)?)$", Options);

    /// <summary>"has a X", "with X": the field is not empty.</summary>
    public static Regex HasA { get; } = new(@"^(?:has|have|having|with)(?: an?)?$", Options);

    /// <summary>"more than 500 employees": a comparison before the field.</summary>
    public static Regex ComparisonBefore { get; } = new(
        @"^(?:(?:has|have|having|with) )?(?<c>less than|fewer than|under|below|more than|over|greater than|above|at least|at most|no more than|no less than|up to) (?<v>.+)$", Options);

    /// <summary>"is customer" for a boolean field: true.</summary>
    public static Regex IsTrue { get; } = new(@"^(?:(?:is|are)(?: an?)?)?$", Options);

    /// <summary>"is not customer" for a boolean field: false.</summary>
    public static Regex IsFalse { get; } = new(@"^(?:is not|isn't|are not|aren't|not)(?: an?)?$", Options);

    /// <summary>Words that may come before the field when a condition follows it ("where", "whose", "with").</summary>
    public static Regex Lead { get; } = new(@"^(?:with|has|have|having|where|whose)?$", Options);

    /// <summary>Subject words at the start ("people who", "companies whose").</summary>
    public static Regex Subject { get; } = new(
        @"^(?:(?:people|persons|contacts|leads|companies|accounts|records|those|everyone|anyone)\s+)?(?:(?:who|that|which)\s+)?", Options);

    public static FilterOperator ComparisonOperator(string words) => words switch
    {
        "less than" or "fewer than" or "under" or "below" => FilterOperator.LessThan,
        "more than" or "over" or "greater than" or "above" => FilterOperator.GreaterThan,
        "at least" or "no less than" => FilterOperator.GreaterThanOrEqual,
        _ => FilterOperator.LessThanOrEqual,
    };

    private static PhraseForm Form(string example, string pattern, FilterOperator op) => new(example, new Regex(pattern, Options), op);
}
