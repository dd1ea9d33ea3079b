using System.Globalization;
using System.Text;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

/// <summary>One measured row of the accuracy table.</summary>
internal sealed record AccuracyFigure(string Dataset, string Method, PairwiseScore Score)
{
    public static string Markdown(IEnumerable<AccuracyFigure> figures)
    {
        var text = new StringBuilder();
        text.AppendLine("| dataset | method | pairs predicted | precision | recall | F1 |");
        text.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var f in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Dataset} | {f.Method} | {f.Score.Predicted:N0} | {f.Score.Precision:0.000} | {f.Score.Recall:0.000} | {f.Score.F1:0.000} |");
        }

        return text.ToString();
    }
}
