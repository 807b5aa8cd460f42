using Evaluator.Reports;

namespace Evaluator.Tests.Reports;

public class EvaluationCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Cells_are_quoted_only_when_they_need_it(string? cell, string expected)
    {
        Assert.Equal(expected, EvaluationCsv.Quote(cell));
    }

    [Fact]
    public void Error_row_fills_id_case_and_error_and_leaves_the_scores_empty()
    {
        using var writer = new StringWriter();

        EvaluationCsv.WriteError(writer, "a-2", "news-feed", "line 2: invalid JSON");

        Assert.Equal("a-2,news-feed,,,,,,,,,,,,,,,line 2: invalid JSON\r\n", writer.ToString());
        Assert.Equal(17, EvaluationCsv.Header.Count);
    }
}
