using System.Runtime.CompilerServices;
using System.Text;
using Evaluator.Interviews;
using Evaluator.Server.Api;
using Microsoft.AspNetCore.SignalR;

namespace Evaluator.Server.Hubs;

/// <summary>
/// /hubs/interview: the live mock interview (DESIGN.md, "Live interview hub"). Callers' mistakes come back as
/// <see cref="HubException"/> with the reason; the session is left untouched.
/// </summary>
public sealed class InterviewHub(InterviewSessions sessions) : Hub<IInterviewClient>
{
    public const string Path = "/hubs/interview";

    public async Task<StartedInterview> StartInterview(string caseId)
    {
        // A connection that presented an API key (X-Api-Key, or the access token) files the session under that key's
        // organisation and may pick its cases; a key that is not valid must not silently start an unfiled session.
        var organisation = Context.User?.Organisation();
        if (organisation is null && Context.GetHttpContext() is { } http && ApiKeyAuthentication.PresentedKey(http) is not null)
            throw new HubException("The API key is not valid: unknown or revoked. Ask your coach for a new link, or practise without one.");
        var started = await Guard(() => sessions.StartAsync(caseId, organisation, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, started.SessionId);
        return started;
    }

    public async Task<AnswerReply> SendAnswer(string sessionId, string resumeToken, string text)
    {
        var committed = await Guard(() => sessions.CommitAnswerAsync(sessionId, resumeToken, text, Context.ConnectionAborted));
        var message = await sessions.WordAsync(committed, Context.ConnectionAborted);
        await Clients.OthersInGroup(sessionId).TurnsRecorded(sessionId, committed.Turns(message));
        return committed.Reply(message);
    }

    /// <summary>Like <see cref="SendAnswer"/>, but the reply arrives as text chunks; both turns are committed before the first chunk.</summary>
    public async IAsyncEnumerable<string> StreamAnswer(string sessionId, string resumeToken, string text,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var committed = await Guard(() => sessions.CommitAnswerAsync(sessionId, resumeToken, text, cancellationToken));
        var message = new StringBuilder();
        await foreach (var chunk in sessions.StreamAsync(committed, cancellationToken))
        {
            message.Append(chunk);
            yield return chunk;
        }
        await Clients.OthersInGroup(sessionId).TurnsRecorded(sessionId, committed.Turns(message.ToString()));
    }

    public async Task<ResumedInterview> Resume(string sessionId, string resumeToken)
    {
        var resumed = await Guard(() => sessions.ResumeAsync(sessionId, resumeToken, Context.ConnectionAborted));
        await Groups.AddToGroupAsync(Context.ConnectionId, sessionId);
        return resumed;
    }

    public Task<InterviewReport> EndInterview(string sessionId, string resumeToken) =>
        Guard(() => sessions.EndAsync(sessionId, resumeToken, Context.ConnectionAborted));

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (InterviewException e)
        {
            throw new HubException(e.Message);
        }
    }
}
