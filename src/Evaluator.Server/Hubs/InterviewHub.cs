using System.Runtime.CompilerServices;
using System.Text;
using Evaluator.Data;
using Evaluator.Interviews;
using Evaluator.Organisations;
using Evaluator.Rubrics;
using Evaluator.Server.Api;
using Microsoft.AspNetCore.SignalR;

namespace Evaluator.Server.Hubs;

/// <summary>
/// /hubs/interview: the live mock interview (DESIGN.md, "Live interview hub"). Callers' mistakes come back as
/// <see cref="HubException"/> with the reason; the session is left untouched.
/// </summary>
public sealed class InterviewHub(InterviewSessions sessions, ApiKeyCache keys, EvaluatorDb db, InterviewStartLimiter starts)
    : Hub<IInterviewClient>
{
    public const string Path = "/hubs/interview";

    public async Task<StartedInterview> StartInterview(string caseId)
    {
        var key = await KeyOfConnectionAsync();
        starts.Take(key?.Id, Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString());
        var started = await Guard(() => sessions.StartAsync(caseId, key?.Organisation, Context.ConnectionAborted));
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

    /// <summary>
    /// The API key the connection presented (X-Api-Key, or the access token), checked again on every
    /// start: a connection outlives a revocation, and the key's sessions must not. A key that is not valid refuses the
    /// start rather than silently beginning an interview nobody sees; no key at all is an anonymous interview.
    /// </summary>
    private async Task<ApiKey?> KeyOfConnectionAsync()
    {
        if (Context.GetHttpContext() is not { } http || ApiKeyAuthentication.PresentedKey(http) is not { } presented) return null;
        return await keys.FindAsync(db, presented, Context.ConnectionAborted)
            ?? throw new HubException($"{ApiKeyAuthentication.NotValid} Ask your coach for a new link, or practise without one.");
    }

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
        catch (RubricValidationException e)
        {
            // An organisation's stored rubric that no longer loads (e.g. after a framework change): say which errors.
            throw new HubException(e.Message);
        }
    }
}
