using System.Net;
using System.Text.Json;
using Evaluator.Data;
using Evaluator.Organisations;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using LiveSessions = Evaluator.Interviews.LiveSessions;

namespace Evaluator.Tests.Api;

/// <summary>
/// A coach hands the cohort a candidate key (the page's link sends it as the SignalR access token): the cohort's
/// interviews are filed under the organisation and may run on the organisation's own cases, each on the revision
/// it started with.
/// </summary>
public class CohortInterviewTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string DauQuestion = "How many daily active users are there?";

    [Fact]
    public async Task Candidate_key_sent_as_access_token_files_the_interview_for_the_coach()
    {
        // Arrange
        await using var candidate = await factory.ConnectInterviewAsync(await factory.CreateKeyAsync("cohort-x", Roles.Candidate), asAccessToken: true);
        using var coach = await factory.ClientForAsync("cohort-x");

        // Act
        var started = await candidate.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case);
        var sessions = await (await coach.GetAsync("/api/sessions")).JsonAsync();

        // Assert
        var listed = Assert.Single(sessions.EnumerateArray());
        Assert.Equal(started.GetProperty("sessionId").GetString(), listed.GetProperty("id").GetString());
        Assert.False(listed.TryGetProperty("rubricRevision", out _), "a built-in case has no organisation revision");
    }

    [Fact]
    public async Task Interview_on_an_organisation_case_keeps_its_revision_after_an_upload_and_a_reload()
    {
        // Arrange: revision 1 says 2 billion daily users, revision 2 (uploaded mid-interview) says 5 million.
        using var admin = await factory.ClientForAsync("cohort-y", Roles.Admin);
        (await admin.PutAsync("/api/rubrics/team-feed", TestAnswers.Yaml(TestAnswers.RubricYaml("team-feed", "1")))).EnsureSuccessStatusCode();
        await using var candidate = await factory.ConnectInterviewAsync(await factory.CreateKeyAsync("cohort-y", Roles.Candidate), asAccessToken: true);
        var started = await candidate.InvokeAsync<JsonElement>("StartInterview", "team-feed");
        var (sessionId, token) = (started.GetProperty("sessionId").GetString()!, started.GetProperty("resumeToken").GetString()!);
        var revised = TestAnswers.RubricYaml("team-feed", "2").Replace("About 2 billion daily active users", "About 5 million daily active users", StringComparison.Ordinal);
        (await admin.PutAsync("/api/rubrics/team-feed", TestAnswers.Yaml(revised))).EnsureSuccessStatusCode();

        // Act: one answer from memory, one after the server forgot the session and its parsed rubrics (as after a
        // restart: both are read back from the database).
        var fromMemory = await candidate.InvokeAsync<JsonElement>("SendAnswer", sessionId, token, DauQuestion);
        factory.Services.GetRequiredService<LiveSessions>().Remove(sessionId);
        factory.Services.GetRequiredService<OrganisationCases.ParsedCache>().Items.Clear();
        var fromDatabase = await candidate.InvokeAsync<JsonElement>("SendAnswer", sessionId, token, DauQuestion);
        var report = await candidate.InvokeAsync<JsonElement>("EndInterview", sessionId, token);
        var fresh = await candidate.InvokeAsync<JsonElement>("StartInterview", "team-feed");
        var freshReply = await candidate.InvokeAsync<JsonElement>("SendAnswer",
            fresh.GetProperty("sessionId").GetString(), fresh.GetProperty("resumeToken").GetString(), DauQuestion);
        var sessions = await (await admin.GetAsync("/api/sessions")).JsonAsync();

        // Assert
        Assert.Contains("2 billion", fromMemory.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("2 billion", fromDatabase.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("1", report.GetProperty("evaluation").GetProperty("rubricVersion").GetString());
        Assert.Contains("5 million", freshReply.GetProperty("message").GetString(), StringComparison.Ordinal);
        var listed = sessions.EnumerateArray().ToDictionary(x => x.GetProperty("id").GetString()!, x => x.GetProperty("rubricRevision").GetInt32());
        Assert.Equal(1, listed[sessionId]);
        Assert.Equal(2, listed[fresh.GetProperty("sessionId").GetString()!]);
    }

    [Fact]
    public async Task Another_organisations_case_is_unknown_on_the_hub()
    {
        // Arrange
        using var owner = await factory.ClientForAsync("cohort-owner", Roles.Admin);
        (await owner.PutAsync("/api/rubrics/owner-case", TestAnswers.Yaml(TestAnswers.RubricYaml("owner-case", "1")))).EnsureSuccessStatusCode();
        await using var stranger = await factory.ConnectInterviewAsync(await factory.CreateKeyAsync("cohort-stranger", Roles.Candidate), asAccessToken: true);
        await using var anonymous = await factory.ConnectInterviewAsync(null);

        // Act
        var asStranger = await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync<JsonElement>("StartInterview", "owner-case"));
        var asAnonymous = await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync<JsonElement>("StartInterview", "owner-case"));

        // Assert
        Assert.Contains("Unknown case 'owner-case'", asStranger.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown case 'owner-case'", asAnonymous.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Key_that_is_not_valid_is_refused_on_the_hub_instead_of_starting_an_unfiled_interview(bool asAccessToken)
    {
        // Arrange
        await using var candidate = await factory.ConnectInterviewAsync("evk_not-a-real-key", asAccessToken);
        var sessionsBefore = factory.InDatabase(db => db.InterviewSessions.Count());

        // Act
        var refused = await Assert.ThrowsAsync<HubException>(() => candidate.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case));

        // Assert
        Assert.Contains("not valid", refused.Message, StringComparison.Ordinal);
        Assert.Equal(sessionsBefore, factory.InDatabase(db => db.InterviewSessions.Count()));
    }

    [Fact]
    public async Task Key_revoked_while_the_connection_is_open_starts_no_more_interviews()
    {
        // Arrange: the connection was made, and one interview started, while the key was valid.
        var key = await factory.CreateKeyAsync("cohort-revoked", Roles.Candidate);
        await using var candidate = await factory.ConnectInterviewAsync(key, asAccessToken: true);
        await candidate.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case);
        using (var scope = factory.Services.CreateScope())
            Assert.True(await ApiKeys.RevokeAsync(scope.ServiceProvider.GetRequiredService<EvaluatorDb>(), "cohort-revoked", key[..12]));

        // Act
        var refused = await Assert.ThrowsAsync<HubException>(() => candidate.InvokeAsync<JsonElement>("StartInterview", TestAnswers.Case));

        // Assert
        Assert.Contains("not valid", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, factory.InDatabase(db => db.InterviewSessions.Count(s => s.OrganisationId == "cohort-revoked")));
    }

    [Fact]
    public async Task Key_endpoint_names_the_organisation_and_role_of_a_candidate_key()
    {
        // Arrange
        using var candidate = await factory.ClientForAsync("cohort-z", Roles.Candidate);

        // Act
        using var response = await candidate.GetAsync("/api/key");

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = await response.JsonAsync();
        Assert.Equal("cohort-z", key.GetProperty("organisation").GetString());
        Assert.Equal(Roles.Candidate, key.GetProperty("role").GetString());
        Assert.StartsWith("evk_", key.GetProperty("prefix").GetString(), StringComparison.Ordinal);
    }
}
