using System.Text.Json;
using Evaluator.Interviews;
using Evaluator.Json;
using Evaluator.Rubrics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Evaluator.Tests.Hubs;

public class InterviewHubTests(InterviewServerFactory server) : IClassFixture<InterviewServerFactory>
{
    [Fact]
    public async Task Start_returns_a_session_token_and_the_opening_message_in_camel_case()
    {
        await using var hub = await server.ConnectAsync();

        var raw = await hub.InvokeAsync<JsonElement>("StartInterview", "news-feed");

        Assert.Equal(32, raw.GetProperty("sessionId").GetString()!.Length);
        Assert.False(string.IsNullOrEmpty(raw.GetProperty("resumeToken").GetString()));
        Assert.Equal("clarify-requirements", raw.GetProperty("step").GetString());
        Assert.Contains("Design the ranking system", raw.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_reports_coverage_for_every_dimension()
    {
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");

        var reply = await hub.SendAnswer(session, "We optimise for meaningful interactions such as comments and shares, not raw time spent.");

        Assert.Equal(Dimensions.All.Order(), reply.Coverage.Keys.Order());
        Assert.True(reply.Coverage[Dimensions.Requirements] > 0, "requirements coverage should count the business objective");
        Assert.All(reply.Coverage.Values, v => Assert.InRange(v, 0, 100));
    }

    [Fact]
    public async Task Streamed_reply_arrives_in_sentence_chunks_that_make_up_the_stored_message()
    {
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");

        var chunks = await hub.StreamAnswer(session, "Let's move on.").ToListAsync();
        var resumed = await hub.Resume(session);

        Assert.True(chunks.Count > 1, "a reply of several sentences should stream as several chunks");
        Assert.Equal(resumed.Transcript[^1].Text, string.Concat(chunks));
        Assert.Equal("frame-problem", resumed.Step);
    }

    [Fact]
    public async Task Parallel_answers_to_one_session_are_all_recorded_in_order_with_their_own_replies()
    {
        var hubs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.ConnectAsync()));
        var session = await hubs[0].StartInterview("news-feed");
        var answers = hubs.Select((_, i) => $"Answer number {i}: I would keep it simple.").ToList();

        var replies = await Task.WhenAll(hubs.Select((hub, i) => hub.SendAnswer(session, answers[i])));
        var transcript = (await hubs[0].Resume(session)).Transcript;

        Assert.Equal(1 + 2 * answers.Count, transcript.Count);
        var pairs = transcript.Skip(1).Chunk(2).ToList();
        Assert.All(pairs, p => Assert.Equal([Roles.Candidate, Roles.Interviewer], p.Select(t => t.Role)));
        Assert.Equal(answers.Order(), pairs.Select(p => p[0].Text).Order());
        for (var i = 0; i < answers.Count; i++)
            Assert.Equal(replies[i].Message, pairs.Single(p => p[0].Text == answers[i])[1].Text);
        Assert.Equal(transcript.Select(t => t.At).Order(), transcript.Select(t => t.At));
        foreach (var hub in hubs) await hub.DisposeAsync();
    }

    [Fact]
    public async Task Another_tab_on_the_same_session_is_told_about_new_turns()
    {
        await using var first = await server.ConnectAsync();
        await using var second = await server.ConnectAsync();
        var session = await first.StartInterview("news-feed");
        await second.Resume(session);
        var pushed = new TaskCompletionSource<IReadOnlyList<TranscriptEntry>>();
        using var subscription = second.On<string, IReadOnlyList<TranscriptEntry>>("TurnsRecorded", (_, turns) => pushed.TrySetResult(turns));

        var reply = await first.SendAnswer(session, "How many users are there?");
        var turns = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["How many users are there?", reply.Message], turns.Select(t => t.Text));
    }

    [Fact]
    public async Task Ending_early_gives_a_report_with_the_whole_transcript_scored_overall_and_per_step()
    {
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");
        await hub.SendAnswer(session, "We optimise for meaningful interactions such as comments and shares.");
        await hub.SendAnswer(session, "Let's move on.");
        await hub.SendAnswer(session, "I would frame it as predicting the probability of each engagement type for a post.");

        var report = await hub.EndInterview(session);
        var json = JsonSerializer.Serialize(report, EvaluatorJson.Options);

        Assert.Equal("ended-by-candidate", report.EndReason);
        Assert.Equal(session.SessionId, report.Evaluation.Id);
        Assert.Equal(8, report.Transcript.Count);
        Assert.Equal(Roles.Interviewer, report.Transcript[^1].Role);
        Assert.Equal(["clarify-requirements", "frame-problem"], report.Steps.Select(s => s.Step));
        Assert.Equal(["requirements", "metrics"], report.Steps[1].Dimensions.Keys);
        Assert.Contains("\"overall\":", json, StringComparison.Ordinal);
        Assert.Contains("\"transcript\":", json, StringComparison.Ordinal);
        Assert.True((await hub.Resume(session)).Done);
    }
}
