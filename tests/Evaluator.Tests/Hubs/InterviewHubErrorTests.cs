using System.Text.Json;
using Evaluator.Interviews;
using Evaluator.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Evaluator.Tests.Hubs;

public class InterviewHubErrorTests(InterviewServerFactory server) : IClassFixture<InterviewServerFactory>
{
    private const string Answer = "I would start by asking about the business goal and the scale.";

    private async Task<(HubConnection Hub, StartedInterview Session, ResumedInterview Before)> StartedWithOneAnswer()
    {
        var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");
        await hub.SendAnswer(session, Answer);
        return (hub, session, await hub.Resume(session));
    }

    private static async Task AssertUntouched(HubConnection hub, StartedInterview session, ResumedInterview before)
    {
        var after = await hub.Resume(session);
        Assert.Equal(before.Step, after.Step);
        Assert.Equal(before.Transcript, after.Transcript);
        Assert.Equal(before.Done, after.Done);
    }

    [Fact]
    public async Task Unknown_case_is_refused_with_the_known_case_ids()
    {
        await using var hub = await server.ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => hub.StartInterview("no-such-case"));

        Assert.Contains("Unknown case 'no-such-case'", error.Message, StringComparison.Ordinal);
        Assert.Contains("news-feed", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string> BadAnswers() => new()
    {
        { "empty", "", "The answer is empty" },
        { "blank", " \n\t ", "The answer is empty" },
        { "null", null, "The answer is empty" },
        { "one over the limit", new string('a', 20_001), "The answer is 20,001 characters long; the limit is 20,000" },
        // 50 KB of UTF-8: beyond SignalR's default 32 KB message limit, so this also shows the limit was raised.
        { "long non-ASCII", new string('é', 25_000), "The answer is 25,000 characters long; the limit is 20,000" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task Bad_answer_is_refused_and_the_session_is_untouched(string what, string? text, string expected)
    {
        var (hub, session, before) = await StartedWithOneAnswer();
        await using var _ = hub;

        var error = await Assert.ThrowsAsync<HubException>(() =>
            hub.InvokeAsync<AnswerReply>("SendAnswer", session.SessionId, session.ResumeToken, text));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{what}: {error.Message}");
        await AssertUntouched(hub, session, before);
    }

    [Fact]
    public async Task Answer_of_exactly_the_limit_is_accepted()
    {
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");

        var reply = await hub.SendAnswer(session, new string('a', 19_990) + " ok then.");

        Assert.False(reply.Done);
        Assert.Equal(3, (await hub.Resume(session)).Transcript.Count);
    }

    [Fact]
    public async Task Unknown_session_is_refused_for_every_method()
    {
        await using var hub = await server.ConnectAsync();
        var ghost = new StartedInterview("0123456789abcdef0123456789abcdef", "token", "clarify-requirements", "");

        var errors = new[]
        {
            await Assert.ThrowsAsync<HubException>(() => hub.SendAnswer(ghost, Answer)),
            await Assert.ThrowsAsync<HubException>(() => hub.Resume(ghost)),
            await Assert.ThrowsAsync<HubException>(() => hub.EndInterview(ghost)),
            await Assert.ThrowsAsync<HubException>(() => hub.StreamAnswer(ghost, Answer).ToListAsync().AsTask()),
        };

        Assert.All(errors, e => Assert.Contains($"Unknown session '{ghost.SessionId}'", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_resume_token_is_refused_for_every_method_and_the_session_is_untouched()
    {
        var (hub, session, before) = await StartedWithOneAnswer();
        await using var _ = hub;
        var (forged, _) = ResumeTokens.Create();
        var intruder = session with { ResumeToken = forged };

        var errors = new[]
        {
            await Assert.ThrowsAsync<HubException>(() => hub.SendAnswer(intruder, Answer)),
            await Assert.ThrowsAsync<HubException>(() => hub.Resume(intruder)),
            await Assert.ThrowsAsync<HubException>(() => hub.EndInterview(intruder)),
            await Assert.ThrowsAsync<HubException>(() => hub.StreamAnswer(intruder, Answer).ToListAsync().AsTask()),
        };

        Assert.All(errors, e => Assert.Contains("Wrong resume token", e.Message, StringComparison.Ordinal));
        await AssertUntouched(hub, session, before);
    }

    [Fact]
    public async Task Answer_after_the_interview_ended_is_refused_and_the_report_stays_the_same()
    {
        var (hub, session, _) = await StartedWithOneAnswer();
        await using var __ = hub;
        var report = await hub.EndInterview(session);
        var before = await hub.Resume(session);

        var sent = await Assert.ThrowsAsync<HubException>(() => hub.SendAnswer(session, Answer));
        var streamed = await Assert.ThrowsAsync<HubException>(() => hub.StreamAnswer(session, Answer).ToListAsync().AsTask());
        var again = await hub.EndInterview(session);

        Assert.Contains("This interview is over", sent.Message, StringComparison.Ordinal);
        Assert.Contains("This interview is over", streamed.Message, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(report, EvaluatorJson.Options), JsonSerializer.Serialize(again, EvaluatorJson.Options));
        await AssertUntouched(hub, session, before);
    }
}
