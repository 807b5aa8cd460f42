using Evaluator.Interviews;
using Evaluator.Json;
using Evaluator.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Tests.Hubs;

/// <summary>The real server process, killed with SIGKILL mid-interview and restarted on the same database.</summary>
public class InterviewRestartTests
{
    private static async Task<HubConnection> ConnectAsync(ServerProcess server)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(server.Url("hubs/interview"), HttpTransportType.WebSockets)
            .AddJsonProtocol(o => EvaluatorJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await hub.StartAsync();
        return hub;
    }

    private static async Task<bool> Delivered(Task<AnswerReply> reply)
    {
        try
        {
            await reply;
            return true;
        }
        catch (Exception e) when (e is HubException or IOException or InvalidOperationException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Killed_server_resumes_every_session_with_no_turn_lost()
    {
        await using var server = await ServerProcess.StartAsync();
        var hub = await ConnectAsync(server);
        var sessions = new List<(StartedInterview Session, ResumedInterview Before)>();
        foreach (var caseId in new[] { "news-feed", "news-feed", "video-search" })
        {
            var session = await hub.StartInterview(caseId);
            await hub.SendAnswer(session, "How many users are there?");
            await hub.SendAnswer(session, "I would optimise for meaningful interactions, not raw time spent.");
            await hub.SendAnswer(session, "Let's move on.");
            sessions.Add((session, await hub.Resume(session)));
        }
        // One more answer is on its way when the process dies: recorded whole (both turns) or not at all,
        // and certainly recorded if its reply reached the candidate.
        var inFlight = hub.SendAnswer(sessions[0].Session, "I would frame it as predicting engagement per post.");

        server.Kill();
        var delivered = await Delivered(inFlight);
        await hub.DisposeAsync();
        await server.RestartAsync();
        await using var after = await ConnectAsync(server);

        foreach (var (session, before) in sessions)
        {
            var resumed = await after.Resume(session);
            Assert.Equal(before.Transcript, resumed.Transcript.Take(before.Transcript.Count));
            var added = resumed.Transcript.Count - before.Transcript.Count;
            Assert.True(added is 0 or 2, $"{added} turns appeared after the restart; an answer is recorded with its reply or not at all.");
            if (delivered && session == sessions[0].Session) Assert.Equal(2, added);
            Assert.Equal(7, before.Transcript.Count);
        }
        var continued = await after.SendAnswer(sessions[1].Session, "I would frame it as predicting engagement per post.");
        var report = await after.EndInterview(sessions[1].Session);
        Assert.False(continued.Done);
        Assert.Equal(10, report.Transcript.Count);
    }
}
