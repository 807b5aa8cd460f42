using Evaluator.Interviews;
using Microsoft.AspNetCore.SignalR.Client;

namespace Evaluator.Tests.Hubs;

/// <summary>The hub's methods by their DESIGN.md names, typed, for readable tests.</summary>
public static class InterviewCalls
{
    public static Task<StartedInterview> StartInterview(this HubConnection hub, string caseId) =>
        hub.InvokeAsync<StartedInterview>("StartInterview", caseId);

    public static Task<AnswerReply> SendAnswer(this HubConnection hub, StartedInterview session, string text) =>
        hub.InvokeAsync<AnswerReply>("SendAnswer", session.SessionId, session.ResumeToken, text);

    public static IAsyncEnumerable<string> StreamAnswer(this HubConnection hub, StartedInterview session, string text) =>
        hub.StreamAsync<string>("StreamAnswer", session.SessionId, session.ResumeToken, text);

    public static Task<ResumedInterview> Resume(this HubConnection hub, StartedInterview session) =>
        hub.InvokeAsync<ResumedInterview>("Resume", session.SessionId, session.ResumeToken);

    public static Task<InterviewReport> EndInterview(this HubConnection hub, StartedInterview session) =>
        hub.InvokeAsync<InterviewReport>("EndInterview", session.SessionId, session.ResumeToken);
}
