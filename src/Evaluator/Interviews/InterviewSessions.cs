using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Evaluator.Data;
using Evaluator.Json;
using Evaluator.Organisations;
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
    OrganisationCases cases,
    InterviewEngine engine,
    LocalScorer coverageScorer,
    IAnswerScorer reportScorer,
    IInterviewerVoice voice,
    SessionLocks locks,
    LiveSessions cache,
    TurnWriter writer,
    IOptions<InterviewOptions> options,
    TimeProvider time)
{
    public Task<StartedInterview> StartAsync(string? caseId, CancellationToken cancellationToken = default) =>
        StartAsync(caseId, null, cancellationToken);

    /// <param name="organisationId">
    /// The organisation of the API key the connection presented, if any: its coaches see the session, and its own cases
    /// (the newest revision, kept for the whole interview) may be picked.
    /// </param>
    public async Task<StartedInterview> StartAsync(string? caseId, string? organisationId, CancellationToken cancellationToken = default)
    {
        var found = await cases.FindAsync(organisationId, caseId ?? "", cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            var known = await cases.ListAsync(organisationId, cancellationToken).ConfigureAwait(false);
            throw new InterviewException($"Unknown case '{caseId}'. Known cases: {string.Join(", ", known.Select(c => c.Rubric.Id))}.");
        }
        var rubric = found.Rubric;
        var (state, move) = engine.Open(rubric);
        var (token, hash) = ResumeTokens.Create();
        var now = time.GetUtcNow();
        var session = new InterviewSession
        {
            Id = Guid.NewGuid().ToString("N"), CaseId = rubric.Id, ResumeTokenHash = hash, Step = state.Step,
            CreatedAt = now, UpdatedAt = now, OrganisationId = organisationId, RubricRevision = found.Revision,
        };
        session.Apply(state);
        var opening = AddTurn(session, Roles.Interviewer, LocalInterviewerVoice.Message([move]), state.Step, now);
        db.InterviewSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        cache.Set(LiveSession.From(session, rubric, session.Turns));

        var committed = new CommittedReply(session.Id, session.Step, false, new Dictionary<string, int>(), opening.ToEntry(),
            opening.Seq, opening.ToEntry(), new VoiceRequest(rubric, [move], [opening.ToEntry()]));
        var message = await WordAsync(committed, cancellationToken).ConfigureAwait(false);
        return new StartedInterview(session.Id, token, session.Step, message);
    }

    /// <summary>
    /// Checks the caller and the answer, takes the session's gate, lets the engine decide, and commits the candidate's turn,
    /// the interviewer's turn (in the local wording) and the new state in one transaction. Nothing is changed on error.
    /// The session comes from <see cref="LiveSessions"/> (read from the database once) and the write goes through the
    /// group-committing <see cref="TurnWriter"/>; the gate is held until the commit, so turns of a session stay in order.
    /// </summary>
    public async Task<CommittedReply> CommitAnswerAsync(string? sessionId, string? resumeToken, string? text, CancellationToken cancellationToken = default)
    {
        using var gate = await locks.AcquireAsync(sessionId ?? "", cancellationToken).ConfigureAwait(false);
        var live = await LiveAsync(sessionId, resumeToken, cancellationToken).ConfigureAwait(false);
        CheckAnswer(text);
        if (live.State.Done)
            throw new InterviewException("This interview is over: call EndInterview for the report, or start a new interview.");

        var rubric = live.Rubric;
        var now = time.GetUtcNow();
        var candidate = new TranscriptEntry(Roles.Candidate, text!, now, live.State.Step);
        var candidateSoFar = live.CandidateSoFar.Length == 0 ? text! : string.Concat(live.CandidateSoFar, "\n\n", text);
        var decision = engine.Respond(rubric, live.State, text!, candidateSoFar);
        // The reply is filed under the step it leads into, so a step's question sits with that step.
        var interviewer = new TranscriptEntry(Roles.Interviewer, LocalInterviewerVoice.Message(decision.Moves), now, decision.State.Step);
        var transcript = live.Transcript.Add(candidate).Add(interviewer);
        var end = decision.Moves.OfType<EndInterview>().FirstOrDefault();
        var report = end is null ? null
            : await ReportAsync(live.Id, rubric, end.Reason, transcript, cancellationToken).ConfigureAwait(false);

        var next = live with { State = decision.State, Transcript = transcript, CandidateSoFar = candidateSoFar };
        await CommitAsync(live, next, now, end?.Reason, report).ConfigureAwait(false);

        return new CommittedReply(live.Id, decision.State.Step, end is not null, Coverage(decision.Coverage), candidate,
            live.TurnCount + 1, interviewer, new VoiceRequest(rubric, decision.Moves, transcript));
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
        var text = spoken.ToString();
        if (text == reply.Recorded.Text) yield break;
        // Under the gate, so the in-memory transcript and the database change together.
        using var gate = await locks.AcquireAsync(reply.SessionId, cancellationToken).ConfigureAwait(false);
        await db.InterviewTurns.Where(t => t.SessionId == reply.SessionId && t.Seq == reply.InterviewerSeq)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Text, text), cancellationToken).ConfigureAwait(false);
        cache.Reword(reply.SessionId, reply.InterviewerSeq, text);
    }

    public async Task<ResumedInterview> ResumeAsync(string? sessionId, string? resumeToken, CancellationToken cancellationToken = default)
    {
        var session = await LoadAsync(sessionId, resumeToken, cancellationToken).ConfigureAwait(false);
        var turns = await TurnsAsync(session.Id, cancellationToken).ConfigureAwait(false);
        var rubric = await RubricOfAsync(session, cancellationToken).ConfigureAwait(false);
        var coverage = coverageScorer.Score(session.Id, rubric, LiveSession.Join(turns.Select(t => t.ToEntry())));
        return new ResumedInterview(session.Step, turns.Select(t => t.ToEntry()).ToList(), Coverage(coverage),
            session.Step == InterviewState.DoneStep);
    }

    /// <summary>Ends the session (if it is still running) and returns its report; calling it again returns the same report.</summary>
    public async Task<InterviewReport> EndAsync(string? sessionId, string? resumeToken, CancellationToken cancellationToken = default)
    {
        using var gate = await locks.AcquireAsync(sessionId ?? "", cancellationToken).ConfigureAwait(false);
        var current = await LiveAsync(sessionId, resumeToken, cancellationToken).ConfigureAwait(false);
        if (!current.State.Done)
        {
            var rubric = current.Rubric;
            var now = time.GetUtcNow();
            var (state, move) = InterviewEngine.End(current.State);
            var closing = new TranscriptEntry(Roles.Interviewer, LocalInterviewerVoice.Message([move]), now, current.State.Step);
            var transcript = current.Transcript.Add(closing);
            var report = await ReportAsync(current.Id, rubric, move.Reason, transcript, cancellationToken).ConfigureAwait(false);
            await CommitAsync(current, current with { State = state, Transcript = transcript }, now, move.Reason, report).ConfigureAwait(false);
        }
        var record = await db.InterviewReports.AsNoTracking().SingleAsync(r => r.SessionId == current.Id, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<InterviewReport>(record.Json, EvaluatorJson.Options)!;
    }

    /// <summary>Commits the turns <paramref name="next"/> adds to <paramref name="current"/>, then (only then) remembers it.</summary>
    private async Task CommitAsync(LiveSession current, LiveSession next, DateTimeOffset at, InterviewEndReason? reason, InterviewReportRecord? report)
    {
        var turns = new List<InterviewTurn>();
        for (var seq = current.TurnCount; seq < next.TurnCount; seq++)
        {
            var entry = next.Transcript[seq];
            turns.Add(new InterviewTurn { SessionId = next.Id, Seq = seq, Role = entry.Role, Text = entry.Text, Step = entry.Step, At = entry.At });
        }
        try
        {
            // Not cancellable: once queued the write may commit, and the cache must not fall behind the database.
            await writer.CommitAsync(new TurnWrite(next.Id, next.State, next.TurnCount, at, turns, reason?.ToString(), report)).ConfigureAwait(false);
        }
        catch
        {
            cache.Remove(next.Id);
            throw;
        }
        if (next.State.Done) cache.Remove(next.Id);
        else cache.Set(next);
    }

    /// <summary>Scores the whole transcript and each step with the configured scorer: the report stored with the session.</summary>
    private async Task<InterviewReportRecord> ReportAsync(string sessionId, CaseRubric rubric, InterviewEndReason reason,
        IReadOnlyList<TranscriptEntry> transcript, CancellationToken cancellationToken)
    {
        var overall = await reportScorer.ScoreAsync(sessionId, rubric, LiveSession.Join(transcript), cancellationToken).ConfigureAwait(false);
        var steps = new List<StepReport>();
        foreach (var step in rubrics.Framework.Steps)
        {
            var said = LiveSession.Join(transcript.Where(t => t.Step == step.Id));
            if (said.Length == 0) continue;
            var scored = await reportScorer.ScoreAsync($"{sessionId}/{step.Id}", rubric, said, cancellationToken).ConfigureAwait(false);
            steps.Add(new StepReport(step.Id, step.Title, step.Dimensions.ToDictionary(d => d, d => scored.Dimensions[d])));
        }
        var report = new InterviewReport(sessionId, rubric.Id, InterviewEndReasons.Name(reason.ToString()), overall, steps, transcript);
        return new InterviewReportRecord
        {
            SessionId = sessionId, Json = JsonSerializer.Serialize(report, EvaluatorJson.Options), CreatedAt = time.GetUtcNow(),
        };
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
            : await db.InterviewSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The session as last committed: from memory, or read once from the database and then remembered.</summary>
    private async Task<LiveSession> LiveAsync(string? sessionId, string? resumeToken, CancellationToken cancellationToken)
    {
        var cached = string.IsNullOrEmpty(sessionId) ? null : cache.Find(sessionId);
        if (cached is not null)
        {
            if (!ResumeTokens.Matches(resumeToken, cached.ResumeTokenHash))
                throw new InterviewException("Wrong resume token for this session: use the token StartInterview returned.");
            return cached;
        }
        var session = await LoadAsync(sessionId, resumeToken, cancellationToken).ConfigureAwait(false);
        var rubric = await RubricOfAsync(session, cancellationToken).ConfigureAwait(false);
        var loaded = LiveSession.From(session, rubric, await TurnsAsync(session.Id, cancellationToken).ConfigureAwait(false));
        if (!loaded.State.Done) cache.Set(loaded);
        return loaded;
    }

    /// <summary>The rubric the session started on: the built-in case, or exactly the organisation's revision it recorded.</summary>
    private async Task<CaseRubric> RubricOfAsync(InterviewSession session, CancellationToken cancellationToken) =>
        await cases.GetAsync(session.OrganisationId ?? "", session.CaseId, session.RubricRevision, cancellationToken).ConfigureAwait(false)
        ?? throw new InterviewException($"The case '{session.CaseId}' of this interview is no longer available. Start a new interview.");

    private Task<List<InterviewTurn>> TurnsAsync(string sessionId, CancellationToken cancellationToken) =>
        db.InterviewTurns.AsNoTracking().Where(t => t.SessionId == sessionId).OrderBy(t => t.Seq).ToListAsync(cancellationToken);

    private static InterviewTurn AddTurn(InterviewSession session, string role, string text, string step, DateTimeOffset at)
    {
        var turn = new InterviewTurn { SessionId = session.Id, Seq = session.TurnCount++, Role = role, Text = text, Step = step, At = at };
        session.Turns.Add(turn);
        session.UpdatedAt = at;
        return turn;
    }

    private static Dictionary<string, int> Coverage(Evaluation evaluation) =>
        evaluation.Dimensions.ToDictionary(d => d.Key, d => d.Value.Score);
}
