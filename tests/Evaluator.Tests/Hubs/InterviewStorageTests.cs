using Evaluator.Data;
using Evaluator.Interviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Tests.Hubs;

/// <summary>Turns are kept in memory and written by the group-committing writer: the database must say the same.</summary>
public class InterviewStorageTests(InterviewServerFactory server) : IClassFixture<InterviewServerFactory>
{
    private static readonly string[] Answers =
    [
        "How many daily active users are there?",
        "I would optimise for meaningful interactions, not raw time spent.",
        "Let's move on.",
    ];

    [Fact]
    public async Task Session_row_and_turns_in_the_database_match_what_the_hub_replied()
    {
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");
        AnswerReply? last = null;
        foreach (var answer in Answers) last = await hub.SendAnswer(session, answer);

        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluatorDb>();
        var stored = await db.InterviewSessions.AsNoTracking().SingleAsync(s => s.Id == session.SessionId);
        var turns = await db.InterviewTurns.AsNoTracking().Where(t => t.SessionId == session.SessionId).OrderBy(t => t.Seq).ToListAsync();

        Assert.Equal(last!.Step, stored.Step);
        Assert.Equal(Answers.Length, stored.CandidateTurns);
        Assert.Equal(1 + 2 * Answers.Length, stored.TurnCount);
        Assert.NotEmpty(stored.UsedProbes);
        Assert.Equal(Enumerable.Range(0, stored.TurnCount), turns.Select(t => t.Seq));
        Assert.Equal(Answers, turns.Where(t => t.Role == Roles.Candidate).Select(t => t.Text));
        Assert.Equal(last.Message, turns[^1].Text);
    }

    [Fact]
    public async Task Session_forgotten_by_the_memory_continues_from_the_database_without_a_gap()
    {
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");
        await hub.SendAnswer(session, Answers[0]);
        await hub.SendAnswer(session, Answers[1]);
        var before = await hub.Resume(session);

        server.Service<LiveSessions>().Remove(session.SessionId);
        await hub.SendAnswer(session, Answers[2]);
        var after = await hub.Resume(session);

        Assert.Equal(before.Transcript, after.Transcript.Take(before.Transcript.Count));
        Assert.Equal(before.Transcript.Count + 2, after.Transcript.Count);
        Assert.Equal(Answers[2], after.Transcript[^2].Text);
    }
}
