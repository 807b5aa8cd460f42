using Evaluator.Batches;
using Evaluator.Rubrics;

namespace Evaluator.Tests.Batches;

public class BatchReaderTests
{
    private static readonly RubricSet Rubrics = RubricLoader.LoadFolder(TestPaths.Rubrics);

    [Fact]
    public void Blank_lines_are_skipped_but_counted_so_line_numbers_match_the_file()
    {
        var text = "\n{\"id\": \"a\", \"case\": \"news-feed\", \"answer\": \"x\"}\n   \n{bad\n";

        var lines = BatchReader.Read(new StringReader(text), Rubrics);

        Assert.Equal([2, 4], lines.Select(l => l.Line));
        Assert.IsType<AnswerLine>(lines[0]);
        Assert.StartsWith("invalid JSON at column 2", Assert.IsType<LineError>(lines[1]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_body_bytes_are_numbered_as_the_cli_numbers_the_same_file()
    {
        // Arrange: a byte order mark, Windows line endings, blank and whitespace-only lines, a bad line, no final newline.
        var text = "{\"id\": \"a\", \"case\": \"news-feed\", \"answer\": \"café ✓\"}\r\n\r\n \t \n{bad\r\n{\"id\": 5, \"case\": \"nope\", \"answer\": \"x\"}";
        var body = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text)).ToArray();

        // Act
        var fromBytes = BatchBody.ReadJsonLines(body, Rubrics, maxItems: 10);
        var fromText = BatchReader.Read(new StringReader(text), Rubrics);

        // Assert
        Assert.Equal([1, 4, 5], fromBytes.Select(l => l.Line));
        Assert.Equal(fromText.Select(Describe), fromBytes.Select(Describe));
        Assert.Equal("café ✓", Assert.IsType<AnswerLine>(fromBytes[0]).Answer);
    }

    [Fact]
    public void Http_body_lines_end_at_a_lone_carriage_return_and_unicode_spaces_are_blank_as_in_the_cli()
    {
        var text = "{\"id\": \"a\", \"case\": \"news-feed\", \"answer\": \"x\"}\r\u00A0\u3000\r\n{\"id\": \"b\", \"case\": \"news-feed\", \"answer\": \"y\"}\r\r\n{\"id\": \"c\", \"case\": \"news-feed\", \"answer\": \"z\"}";

        var fromBytes = BatchBody.ReadJsonLines(System.Text.Encoding.UTF8.GetBytes(text), Rubrics, maxItems: 10);
        var fromText = BatchReader.Read(new StringReader(text), Rubrics);

        Assert.Equal([1, 3, 5], fromBytes.Select(l => l.Line));
        Assert.Equal(fromText.Select(Describe), fromBytes.Select(Describe));
    }

    [Fact]
    public void Line_in_another_encoding_fails_alone_with_a_clear_error()
    {
        // "café" in Windows-1252: 0xE9 is not UTF-8.
        var good = System.Text.Encoding.UTF8.GetBytes("{\"id\": \"a\", \"case\": \"news-feed\", \"answer\": \"x\"}\n");
        var bad = System.Text.Encoding.UTF8.GetBytes("{\"id\": \"b\", \"case\": \"news-feed\", \"answer\": \"caf").Concat(new byte[] { 0xE9 })
            .Concat(System.Text.Encoding.UTF8.GetBytes("\"}\n")).ToArray();

        var lines = BatchBody.ReadJsonLines((byte[])[.. good, .. bad, .. good], Rubrics, maxItems: 10);

        Assert.Equal(3, lines.Count);
        Assert.IsType<AnswerLine>(lines[0]);
        Assert.Equal("not valid UTF-8: save the file as UTF-8.", Assert.IsType<LineError>(lines[1]).Error);
        Assert.Equal(2, lines[1].Line);
        Assert.IsType<AnswerLine>(lines[2]);
    }

    [Fact]
    public void Http_body_over_the_item_limit_is_refused()
    {
        var body = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"id\": \"a\", \"case\": \"news-feed\", \"answer\": \"x\"}\n", 3)));

        var error = Assert.Throws<BatchTooLargeException>(() => BatchBody.ReadJsonLines(body, Rubrics, maxItems: 2));

        Assert.Contains("at most 2 answers", error.Message, StringComparison.Ordinal);
    }

    private static string Describe(BatchLine line) => line switch
    {
        AnswerLine a => $"{a.Line} answer {a.Id} {a.Rubric.Id} {a.Answer}",
        LineError e => $"{e.Line} error {e.Id} {e.Error}",
        _ => line.ToString(),
    };

    [Theory]
    [InlineData("{\"case\": \"news-feed\", \"answer\": \"x\"}", "missing \"id\".")]
    [InlineData("{\"id\": \"a\", \"answer\": \"x\"}", "missing \"case\".")]
    [InlineData("{\"id\": \"a\", \"case\": \"news-feed\"}", "missing \"answer\".")]
    [InlineData("{\"id\": \"a\", \"case\": \"news-feed\", \"answer\": \"\"}", "\"answer\" is empty.")]
    [InlineData("{\"id\": \"a\", \"case\": \"news-feed\", \"answer\": 42}", "\"answer\" must be a string, not number.")]
    [InlineData("{\"id\": true, \"case\": \"news-feed\", \"answer\": \"x\"}", "\"id\" must be a string, not true.")]
    public void Missing_or_wrong_fields_name_the_field(string json, string error)
    {
        var line = BatchReader.Parse(7, json, Rubrics);

        var failed = Assert.IsType<LineError>(line);
        Assert.Equal(7, failed.Line);
        Assert.Equal(error, failed.Error);
    }

    [Fact]
    public void Numeric_id_and_extra_keys_are_accepted()
    {
        var line = BatchReader.Parse(1, "{\"id\": 12, \"case\": \"news-feed\", \"answer\": \"x\", \"labels\": {\"metrics\": 2}, \"profile\": \"weak\"}", Rubrics);

        var answer = Assert.IsType<AnswerLine>(line);
        Assert.Equal("12", answer.Id);
        Assert.Equal("news-feed", answer.Rubric.Id);
        Assert.Equal(2, answer.Source.GetProperty("labels").GetProperty("metrics").GetInt32());
    }
}
