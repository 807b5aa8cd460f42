using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Evaluator.Data;
using Evaluator.Json;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evaluator.Interviews;

/// <summary>An answer already committed: what the interviewer decided, waiting to be worded by the configured voice.</summary>
public sealed record CommittedReply(
    string SessionId,
    string Step,
    bool Done,
    IReadOnlyDictionary<string, int> Coverage,
    TranscriptEntry Answer,
    int InterviewerSeq,
    TranscriptEntry Recorded,
    VoiceRequest Voice)
{
    public AnswerReply Reply(string message) => new(Step, message, Coverage, Done);

    /// <summary>The two turns as stored once the voice has finished.</summary>
    public IReadOnlyList<TranscriptEntry> Turns(string message) => [Answer, Recorded with { Text = message }];
}

/// <summary>
/// Live interview sessions: checks the caller, serialises each session's turns, asks the engine what to do,
/// and commits every turn to the database before the reply leaves.
/// </summary>
public sealed class InterviewSessions(
    EvaluatorDb db,
    RubricSet rubrics,
    InterviewEngine engine,
    LocalScorer coverageScorer,
    IAnswerScorer reportScorer,
    IInterviewerVoice voice,
    SessionLocks locks,
    IOptions<InterviewOptions> options,
    TimeProvider time)
{
    public Task<StartedInterview> StartAsync(string? caseId, CancellationToken cancellationToken = default) =>
        StartAsync(caseId, null, cancellationToken);

    /// <param name="organisationId">The organisation of the API key the connection presented, if any: its coaches see the session.</param>
    public async Task<StartedInterview> StartAsync(string? caseId, string? organisationId, CancellationToken cancellationToken = default)
    {
        var rubric = rubrics.Find(caseId ?? "") ?? throw new InterviewException(
            $"Unknown case '{caseId}'. Known cases: {string.Join(", ", rubrics.Cases.Select(c => c.Id))}.");
        var (state, move) = engine.Open(rubric);
        var (token, hash) = ResumeTokens.Create();
        var now = time.GetUtcNow();
        var session = new InterviewSession
        {
            Id = Guid.NewGuid().ToString("N"), CaseId = rubric.Id, ResumeTokenHash = hash, Step = state.Step,
            CreatedAt = now, UpdatedAt = now, OrganisationId = organisationId,
        };
        session.Apply(state);
        var opening = AddTurn(session, Roles.Interviewer, LocalInterviewerVoice.Message([move]), state.Step, now);
        db.InterviewSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        var committed = new CommittedReply(session.Id, session.Step, false, new Dictionary<string, int>(), opening.ToEntry(),
            opening.Seq, opening.ToEntry(), new VoiceRequest(rubric, [move], [opening.ToEntry()]));
        var message = await WordAsync(committed, cancellationToken).ConfigureAwait(false);
        return new StartedInterview(session.Id, token, session.Step, message);
    }

    /// <summary>
    /// Checks the caller and the answer, takes the session's gate, lets the engine decide, and commits the candidate's turn,
    /// the interviewer's turn (in the local wording) and the new state in one transaction. Nothing is changed on error.
    /// </summary>
    public async Task<CommittedReply> CommitAnswerAsync(string? sessionId, string? resumeToken, string? text, CancellationToken cancellationToken = default)
    {
        using var gate = await locks.AcquireAsync(sessionId ?? "", cancellationToken).ConfigureAwait(false);
        var session = await LoadAsync(sessionId, resumeToken, cancellationToken).ConfigureAwait(false);
        CheckAnswer(text);
        if (session.Step == InterviewState.DoneStep)
            throw new InterviewException("This interview is over: call EndInterview for the report, or start a new interview.");

        var rubric = rubrics.Get(session.CaseId);
        var turns = await TurnsAsync(session.Id, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var candidate = AddTurn(session, Roles.Candidate, text!, session.Step, now);
        turns.Add(candidate);

        var decision = engine.Respond(rubric, session.ToState(), text!, CandidateText(turns));
        session.Apply(decision.State);
        // The reply is filed under the step it leads into, so a step's question sits with that step.
        var interviewer = AddTurn(session, Roles.Interviewer, LocalInterviewerVoice.Message(decision.Moves), session.Step, now);
        turns.Add(interviewer);
        var end = decision.Moves.OfType<EndInterview>().FirstOrDefault();
        if (end is not null) await FinishAsync(session, rubric, end.Reason, turns, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        return new CommittedReply(session.Id, session.Step, end is not null, Coverage(decision.Coverage), candidate.ToEntry(),
            interviewer.Seq, interviewer.ToEntry(), new VoiceRequest(rubric, decision.Moves, turns.Select(t => t.ToEntry()).ToList()));
    }

    /// <summary>The configured voice's chunks for a committed reply; its final wording replaces the recorded one.</summary>
    public async IAsyncEnumerable<string> StreamAsync(CommittedReply reply, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var spoken = new StringBuilder();
        await foreach (var chunk in voice.SpeakAsync(reply.Voice, cancellationToken).ConfigureAwait(false))
        {
            spoken.Append(chunk);
            yield return chunk;
        }
        if (spoken.ToString() != reply.Recorded.Text)
            await db.InterviewTurns.Where(t => t.SessionId == reply.SessionId && t.Seq == reply.InterviewerSeq)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Text, spoken.ToString()), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ResumedInterview> ResumeAsync(string? sessionId, string? resumeToken, CancellationToken cancellationToken = default)
    {
        var session = await LoadAsync(sessionId, resumeToken, cancellationToken).ConfigureAwait(false);
        var turns = await TurnsAsync(session.Id, cancellationToken).ConfigureAwait(false);
        var coverage = coverageScorer.Score(session.Id, rubrics.Get(session.CaseId), CandidateText(turns));
        return new ResumedInterview(session.Step, turns.Select(t => t.ToEntry()).ToList(), Coverage(coverage),
            session.Step == InterviewState.DoneStep);
    }

    /// <summary>Ends the session (if it is still running) and returns its report; calling it again returns the same report.</summary>
    public async Task<InterviewReport> EndAsync(string? sessionId, string? resumeToken, CancellationToken cancellationToken = default)
    {
        using var gate = await locks.AcquireAsync(sessionId ?? "", cancellationToken).ConfigureAwait(false);
        var session = await LoadAsync(sessionId, resumeToken, cancellationToken).ConfigureAwait(false);
        if (session.Step != InterviewState.DoneStep)
        {
            var rubric = rubrics.Get(session.CaseId);
            var turns = await TurnsAsync(session.Id, cancellationToken).ConfigureAwait(false);
            var (state, move) = InterviewEngine.End(session.ToState());
            var closing = AddTurn(session, Roles.Interviewer, LocalInterviewerVoice.Message([move]), session.Step, time.GetUtcNow());
            session.Apply(state);
            turns.Add(closing);
            await FinishAsync(session, rubric, move.Reason, turns, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        var record = await db.InterviewReports.AsNoTracking().SingleAsync(r => r.SessionId == session.Id, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<InterviewReport>(record.Json, EvaluatorJson.Options)!;
    }

    /// <summary>Scores the whole transcript and each step with the configured scorer and stores the report with the session.</summary>
    private async Task FinishAsync(InterviewSession session, CaseRubric rubric, InterviewEndReason reason, List<InterviewTurn> turns, CancellationToken cancellationToken)
    {
        session.EndReason = reason.ToString();
        var overall = await reportScorer.ScoreAsync(session.Id, rubric, CandidateText(turns), cancellationToken).ConfigureAwait(false);
        var steps = new List<StepReport>();
        foreach (var step in rubrics.Framework.Steps)
        {
            var said = CandidateText(turns.Where(t => t.Step == step.Id));
            if (said.Length == 0) continue;
            var scored = await reportScorer.ScoreAsync($"{session.Id}/{step.Id}", rubric, said, cancellationToken).ConfigureAwait(false);
            steps.Add(new StepReport(step.Id, step.Title, step.Dimensions.ToDictionary(d => d, d => scored.Dimensions[d])));
        }
        var report = new InterviewReport(session.Id, rubric.Id, JsonNamingPolicy.KebabCaseLower.ConvertName(session.EndReason), overall, steps,
            turns.Select(t => t.ToEntry()).ToList());
        db.InterviewReports.Add(new InterviewReportRecord
        {
            SessionId = session.Id, Json = JsonSerializer.Serialize(report, EvaluatorJson.Options), CreatedAt = time.GetUtcNow(),
        });
    }

    /// <summary>The whole reply in the configured voice.</summary>
    public async Task<string> WordAsync(CommittedReply reply, CancellationToken cancellationToken = default)
    {
        var message = new StringBuilder();
        await foreach (var chunk in StreamAsync(reply, cancellationToken).ConfigureAwait(false)) message.Append(chunk);
        return message.ToString();
    }

    private async Task<InterviewSession> LoadAsync(string? sessionId, string? resumeToken, CancellationToken cancellationToken)
    {
        var session = string.IsNullOrEmpty(sessionId) ? null
            : await db.InterviewSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
        if (session is null) throw new InterviewException($"Unknown session '{sessionId}'. Start a new interview.");
        if (!ResumeTokens.Matches(resumeToken, session.ResumeTokenHash))
            throw new InterviewException("Wrong resume token for this session: use the token StartInterview returned.");
        return session;
    }

    private void CheckAnswer(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InterviewException("The answer is empty: write something before sending.");
        var max = options.Value.MaxAnswerLength;
        if (text.Length > max)
            throw new InterviewException(string.Create(CultureInfo.InvariantCulture,
                $"The answer is {text.Length:N0} characters long; the limit is {max:N0}. Shorten it and send it again."));
    }

    private Task<List<InterviewTurn>> TurnsAsync(string sessionId, CancellationToken cancellationToken) =>
        db.InterviewTurns.Where(t => t.SessionId == sessionId).OrderBy(t => t.Seq).ToListAsync(cancellationToken);

    private static InterviewTurn AddTurn(InterviewSession session, string role, string text, string step, DateTimeOffset at)
    {
        var turn = new InterviewTurn { SessionId = session.Id, Seq = session.TurnCount++, Role = role, Text = text, Step = step, At = at };
        session.Turns.Add(turn);
        session.UpdatedAt = at;
        return turn;
    }

    private static string CandidateText(IEnumerable<InterviewTurn> turns) =>
        string.Join("\n\n", turns.Where(t => t.Role == Roles.Candidate).Select(t => t.Text));

    private static Dictionary<string, int> Coverage(Evaluation evaluation) =>
        evaluation.Dimensions.ToDictionary(d => d.Key, d => d.Value.Score);
}
