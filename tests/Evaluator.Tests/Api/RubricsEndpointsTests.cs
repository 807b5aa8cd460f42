using System.Net;
using Evaluator.Organisations;

namespace Evaluator.Tests.Api;

public class RubricsEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Each_upload_is_a_new_revision_and_every_revision_stays_readable()
    {
        using var admin = await factory.ClientForAsync("rubrics-a", Roles.Admin);
        var first = TestAnswers.RubricYaml("team-case", "1");
        var second = TestAnswers.RubricYaml("team-case", "2");

        using var created1 = await admin.PutAsync("/api/rubrics/team-case", TestAnswers.Yaml(first));
        using var created2 = await admin.PutAsync("/api/rubrics/team-case", TestAnswers.Yaml(second));
        var versions = await (await admin.GetAsync("/api/rubrics/team-case/versions")).JsonAsync();
        var list = await (await admin.GetAsync("/api/rubrics")).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created1.StatusCode);
        Assert.EndsWith("/api/rubrics/team-case/versions/2", created2.Headers.Location!.ToString());
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("revision").GetInt32()));
        Assert.Equal(["1", "2"], versions.EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        Assert.Equal(first, await admin.GetStringAsync("/api/rubrics/team-case/versions/1"));
        var latest = Assert.Single(list.EnumerateArray());
        Assert.Equal(2, latest.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Invalid_rubric_is_400_with_line_numbered_errors_and_nothing_is_saved()
    {
        using var admin = await factory.ClientForAsync("rubrics-b", Roles.Admin);
        var yaml = TestAnswers.RubricYaml("broken-case", "1").Replace("title: News feed ranking", "title: News feed ranking\ntitel: typo", StringComparison.Ordinal);

        using var response = await admin.PutAsync("/api/rubrics/broken-case", TestAnswers.Yaml(yaml));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(4, error.GetProperty("line").GetInt32());
        Assert.Contains("unknown key 'titel'", error.GetProperty("message").GetString());
        await (await admin.GetAsync("/api/rubrics/broken-case/versions")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Rubric_the_yaml_parser_cannot_read_is_400_with_its_line()
    {
        using var admin = await factory.ClientForAsync("rubrics-b", Roles.Admin);
        var lines = TestAnswers.RubricYaml("unclosed-case", "1").Split('\n');
        var at = Array.FindIndex(lines, l => l.TrimStart().StartsWith("description:", StringComparison.Ordinal));
        lines[at] = lines[at][..lines[at].IndexOf(':', StringComparison.Ordinal)] + ": [unclosed ...";

        using var response = await admin.PutAsync("/api/rubrics/unclosed-case", TestAnswers.Yaml(string.Join('\n', lines)));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(at + 1, error.GetProperty("line").GetInt32());
        Assert.Contains("invalid YAML", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Case_id_must_match_the_address()
    {
        using var admin = await factory.ClientForAsync("rubrics-b", Roles.Admin);

        using var response = await admin.PutAsync("/api/rubrics/other-id", TestAnswers.Yaml(TestAnswers.RubricYaml("team-case", "1")));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("must match", problem.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Coach_reads_rubrics_but_cannot_upload()
    {
        using var admin = await factory.ClientForAsync("rubrics-c", Roles.Admin);
        using var coach = await factory.ClientForAsync("rubrics-c", Roles.Coach);
        await admin.PutAsync("/api/rubrics/coach-case", TestAnswers.Yaml(TestAnswers.RubricYaml("coach-case", "1")));

        using var upload = await coach.PutAsync("/api/rubrics/coach-case", TestAnswers.Yaml(TestAnswers.RubricYaml("coach-case", "2")));
        using var read = await coach.GetAsync("/api/rubrics/coach-case/versions");

        await upload.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Another_organisations_rubrics_are_404_and_not_listed()
    {
        using var owner = await factory.ClientForAsync("rubrics-owner", Roles.Admin);
        using var stranger = await factory.ClientForAsync("rubrics-stranger", Roles.Admin);
        await owner.PutAsync("/api/rubrics/secret-case", TestAnswers.Yaml(TestAnswers.RubricYaml("secret-case", "1")));

        await (await stranger.GetAsync("/api/rubrics/secret-case/versions")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync("/api/rubrics/secret-case/versions/1")).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await stranger.GetAsync("/api/rubrics")).JsonAsync();

        Assert.Equal(0, list.GetArrayLength());
    }
}
