using System.Net;
using Evaluator.Organisations;

namespace Evaluator.Tests.Api;

public class CasesEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Built_in_cases_are_listed_without_a_key()
    {
        using var client = factory.CreateClient();

        var cases = await (await client.GetAsync("/api/cases")).JsonAsync();

        Assert.Contains(cases.EnumerateArray(), c => c.GetProperty("id").GetString() == TestAnswers.Case);
        Assert.All(cases.EnumerateArray(), c => Assert.Equal("built-in", c.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task One_built_in_case_is_readable_without_a_key()
    {
        using var client = factory.CreateClient();

        var detail = await (await client.GetAsync($"/api/cases/{TestAnswers.Case}")).JsonAsync();

        Assert.Equal(TestAnswers.Case, detail.GetProperty("id").GetString());
        Assert.True(detail.GetProperty("dimensions").GetProperty("metrics").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Unknown_case_is_404_problem()
    {
        using var client = factory.CreateClient();

        await (await client.GetAsync("/api/cases/no-such-case")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_key_on_cases_is_401_even_though_none_is_needed()
    {
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, "evk_wrong");

        await (await client.GetAsync("/api/cases")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await client.GetAsync($"/api/cases/{TestAnswers.Case}")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Organisation_sees_its_own_cases_and_others_do_not()
    {
        using var admin = await factory.ClientForAsync("cases-a", Roles.Admin);
        using var otherOrg = await factory.ClientForAsync("cases-b");
        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created,
            (await admin.PutAsync("/api/rubrics/own-feed", TestAnswers.Yaml(TestAnswers.RubricYaml("own-feed", "3")))).StatusCode);

        var own = await (await admin.GetAsync("/api/cases")).JsonAsync();
        var others = await (await otherOrg.GetAsync("/api/cases")).JsonAsync();

        var mine = Assert.Single(own.EnumerateArray(), c => c.GetProperty("id").GetString() == "own-feed");
        Assert.Equal("organisation", mine.GetProperty("source").GetString());
        Assert.Equal(1, mine.GetProperty("revision").GetInt32());
        Assert.DoesNotContain(others.EnumerateArray(), c => c.GetProperty("id").GetString() == "own-feed");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/cases/own-feed")).StatusCode);
        await (await otherOrg.GetAsync("/api/cases/own-feed")).ProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/api/cases/own-feed")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
