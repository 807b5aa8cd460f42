using System.Text.Json;
using Evaluator.Organisations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Evaluator.Tests.Api;

public sealed class TightStartLimitFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Interview:StartsPerWindow"] = "2",
        ["Interview:StartWindowSeconds"] = "3600",
    };
}

/// <summary>One hub connection could start sessions without end; starts are capped per key, or per address without one.</summary>
public class InterviewStartLimitTests(TightStartLimitFactory factory) : IClassFixture<TightStartLimitFactory>
{
    [Fact]
    public async Task Key_over_its_start_limit_is_refused_while_its_open_interview_and_another_key_go_on()
    {
        // Arrange
        await using var busy = await factory.ConnectInterviewAsync(await factory.CreateKeyAsync("limited-cohort", Roles.Candidate), asAccessToken: true);
        await using var quiet = await factory.ConnectInterviewAsync(await factory.CreateKeyAsync("limited-cohort", Roles.Candidate), asAccessToken: true);
        var first = await busy.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case);
        await busy.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case);

        // Act
        var refused = await Assert.ThrowsAsync<HubException>(() => busy.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case));
        var reply = await busy.InvokeAsync<JsonElement>("SendAnswer",
            first.GetProperty("sessionId").GetString(), first.GetProperty("resumeToken").GetString(), "How many daily active users are there?");
        var other = await quiet.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case);

        // Assert
        Assert.Contains("Too many interviews started from this key: 2 in 3600 s", refused.Message, StringComparison.Ordinal);
        Assert.Matches(@"Try again in \d+ s", refused.Message);
        Assert.False(string.IsNullOrEmpty(reply.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(other.GetProperty("sessionId").GetString()));
        Assert.Equal(3, factory.InDatabase(db => db.InterviewSessions.Count(s => s.OrganisationId == "limited-cohort")));
    }

    [Fact]
    public async Task Anonymous_starts_share_one_limit_per_address_across_connections()
    {
        // Arrange: two starts on one connection use up the address's limit.
        await using var first = await factory.ConnectInterviewAsync(null);
        await using var second = await factory.ConnectInterviewAsync(null);
        await first.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case);
        await first.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case);

        // Act
        var refused = await Assert.ThrowsAsync<HubException>(() => second.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case));

        // Assert
        Assert.Contains("Too many interviews started from this address", refused.Message, StringComparison.Ordinal);
    }
}
