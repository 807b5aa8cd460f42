using System.Net;
using System.Text.Json;
using Evaluator.Organisations;
using Microsoft.AspNetCore.SignalR.Client;

namespace Evaluator.Tests.Api;

public class SessionsEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Coach_sees_the_sessions_started_with_their_organisations_key_and_their_reports()
    {
        await using var candidate = await factory.ConnectInterviewAsync(await factory.CreateKeyAsync("cohort-a", Roles.Coach));
        var started = await candidate.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case);
        var sessionId = started.GetProperty("sessionId").GetString()!;
        await candidate.InvokeAsync<JsonElement>("EndInterview", sessionId, started.GetProperty("resumeToken").GetString());
        using var coach = await factory.ClientForAsync("cohort-a");

        var sessions = await (await coach.GetAsync("/api/sessions")).JsonAsync();
        var report = await (await coach.GetAsync($"/api/sessions/{sessionId}/report")).JsonAsync();

        var listed = Assert.Single(sessions.EnumerateArray());
        Assert.Equal(sessionId, listed.GetProperty("id").GetString());
        Assert.True(listed.GetProperty("hasReport").GetBoolean());
        Assert.Equal("ended-by-candidate", listed.GetProperty("endReason").GetString());
        Assert.Equal(listed.GetProperty("endReason").GetString(), report.GetProperty("endReason").GetString());
        Assert.Equal(sessionId, report.GetProperty("sessionId").GetString());
        Assert.True(report.GetProperty("evaluation").TryGetProperty("overall", out _));
    }

    [Fact]
    public async Task Sessions_are_listed_newest_first_in_pages_linked_by_the_Link_header()
    {
        // Arrange
        await using var candidate = await factory.ConnectInterviewAsync(await factory.CreateKeyAsync("cohort-pages", Roles.Candidate));
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
            started.Add((await candidate.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case)).GetProperty("sessionId").GetString()!);
        using var coach = await factory.ClientForAsync("cohort-pages");

        // Act
        var pages = await coach.PagesAsync("/api/sessions?limit=2");

        // Assert
        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Reverse(started), pages.SelectMany(p => p));
    }

    [Fact]
    public async Task Another_organisations_session_and_an_anonymous_one_are_invisible()
    {
        await using var cohortB = await factory.ConnectInterviewAsync(await factory.CreateKeyAsync("cohort-b", Roles.Coach));
        await using var anonymous = await factory.ConnectInterviewAsync(null);
        var theirs = (await cohortB.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case)).GetProperty("sessionId").GetString();
        var nobodys = (await anonymous.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case)).GetProperty("sessionId").GetString();
        using var stranger = await factory.ClientForAsync("cohort-c");

        var sessions = await (await stranger.GetAsync("/api/sessions")).JsonAsync();

        Assert.Equal(0, sessions.GetArrayLength());
        await (await stranger.GetAsync($"/api/sessions/{theirs}/report")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/sessions/{nobodys}/report")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Report_of_a_session_still_running_is_409_problem()
    {
        await using var candidate = await factory.ConnectInterviewAsync(await factory.CreateKeyAsync("cohort-d", Roles.Coach));
        var sessionId = (await candidate.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case)).GetProperty("sessionId").GetString();
        using var coach = await factory.ClientForAsync("cohort-d");

        await (await coach.GetAsync($"/api/sessions/{sessionId}/report")).ProblemAsync(HttpStatusCode.Conflict);
    }
}
