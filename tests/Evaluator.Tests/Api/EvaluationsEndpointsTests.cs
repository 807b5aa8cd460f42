using System.Net;
using System.Net.Http.Json;
using System.Text;
using Evaluator.Organisations;

namespace Evaluator.Tests.Api;

public class EvaluationsEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task One_answer_is_graded_with_the_scoring_contract()
    {
        using var client = await factory.ClientForAsync("eval");

        using var response = await client.PostAsJsonAsync("/api/evaluations", new { id = "a-17", @case = TestAnswers.Case, answer = TestAnswers.Strong });

        var evaluation = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a-17", evaluation.GetProperty("id").GetString());
        Assert.Equal(TestAnswers.Case, evaluation.GetProperty("case").GetString());
        Assert.Equal("local", evaluation.GetProperty("scorer").GetString());
        Assert.Equal(6, evaluation.GetProperty("dimensions").EnumerateObject().Count());
    }

    [Fact]
    public async Task Unknown_field_is_400_naming_its_path()
    {
        using var client = await factory.ClientForAsync("eval");

        using var response = await client.PostAsJsonAsync("/api/evaluations", new { @case = TestAnswers.Case, answer = "x", answr = "typo" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("$.answr", problem.GetProperty("path").GetString());
        Assert.StartsWith("Unknown field 'answr'.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ill_typed_field_is_400_naming_its_path()
    {
        using var client = await factory.ClientForAsync("eval");

        using var response = await client.PostAsync("/api/evaluations",
            new StringContent("""{"case":"news-feed","answer":42}""", Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("$.answer", problem.GetProperty("path").GetString());
        Assert.Equal("The value has the wrong type: expected a string. At line 1, column 32.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Missing_answer_and_malformed_json_are_400_problems()
    {
        using var client = await factory.ClientForAsync("eval");

        var missing = await (await client.PostAsync("/api/evaluations",
            new StringContent("""{"case":"news-feed"}""", Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);
        var malformed = await (await client.PostAsync("/api/evaluations",
            new StringContent("""{"case":""", Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("answer", missing.GetProperty("detail").GetString());
        Assert.DoesNotContain("Evaluator.", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Positions count from 1, as editors do; the parser's own "LineNumber: 0" text is gone.
        Assert.Contains("At line 1, column ", malformed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", malformed.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_content_type_is_415_naming_the_type_to_send()
    {
        using var client = await factory.ClientForAsync("eval");

        using var response = await client.PostAsync("/api/evaluations", new FormUrlEncodedContent([new("case", "news-feed")]));

        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Send the body with Content-Type application/json; got 'application/x-www-form-urlencoded'.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_case_is_400_listing_the_known_ones()
    {
        using var client = await factory.ClientForAsync("eval");

        using var response = await client.PostAsJsonAsync("/api/evaluations", new { @case = "nope", answer = "x" });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("$.case", problem.GetProperty("path").GetString());
        Assert.Contains(TestAnswers.Case, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Body_over_the_limit_is_413_problem()
    {
        using var client = await factory.ClientForAsync("eval");

        using var response = await client.PostAsJsonAsync("/api/evaluations", new { @case = TestAnswers.Case, answer = new string('a', 1_100_000) });

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Organisation_rubric_grades_that_organisations_answers_only()
    {
        using var admin = await factory.ClientForAsync("eval-own", Roles.Admin);
        using var otherOrg = await factory.ClientForAsync("eval-other");
        await admin.PutAsync($"/api/rubrics/{TestAnswers.Case}", TestAnswers.Yaml(TestAnswers.RubricYaml(TestAnswers.Case, "9")));

        var own = await (await admin.PostAsJsonAsync("/api/evaluations", new { @case = TestAnswers.Case, answer = TestAnswers.Strong })).JsonAsync();
        var other = await (await otherOrg.PostAsJsonAsync("/api/evaluations", new { @case = TestAnswers.Case, answer = TestAnswers.Strong })).JsonAsync();

        Assert.Equal("9", own.GetProperty("rubricVersion").GetString());
        Assert.Equal("1", other.GetProperty("rubricVersion").GetString());
    }
}
