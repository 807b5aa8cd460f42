using System.Collections.Concurrent;
using System.Collections.Immutable;
using Evaluator.Rubrics;

namespace Evaluator.Interviews;

/// <summary>A session as committed: what a turn needs, so it does not re-read the session and its transcript.</summary>
/// <param name="Rubric">The rubric the interview runs on (an organisation's revision stays the same for the whole interview).</param>
/// <param name="CandidateSoFar">Everything the candidate has said, joined as the scorer reads it.</param>
public sealed record LiveSession(
    string Id,
    string ResumeTokenHash,
    CaseRubric Rubric,
    InterviewState State,
    ImmutableList<TranscriptEntry> Transcript,
    string CandidateSoFar)
{
    /// <summary>The next turn's sequence number: turns are numbered from 0 in transcript order.</summary>
    public int TurnCount => Transcript.Count;

    internal long Touched { get; init; }

    public static LiveSession From(InterviewSession session, CaseRubric rubric, IEnumerable<InterviewTurn> turns)
    {
        var transcript = turns.OrderBy(t => t.Seq).Select(t => t.ToEntry()).ToImmutableList();
        return new(session.Id, session.ResumeTokenHash, rubric, session.ToState(), transcript, Join(transcript));
    }

    public static string Join(IEnumerable<TranscriptEntry> turns) =>
        string.Join("\n\n", turns.Where(t => t.Role == Roles.Candidate).Select(t => t.Text));
}

/// <summary>
/// The in-memory copy of running sessions, changed only after the change is committed and only by the holder of the
/// session's gate (<see cref="SessionLocks"/>), so it never runs ahead of the database. A miss reloads from the
/// database; the least recently used entries go when there are more than <see cref="Capacity"/>.
/// </summary>
public sealed class LiveSessions
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, LiveSession> sessions = new(StringComparer.Ordinal);

    public int Count => sessions.Count;

    public LiveSession? Find(string sessionId) => sessions.TryGetValue(sessionId, out var live) ? live : null;

    public void Set(LiveSession live)
    {
        sessions[live.Id] = live with { Touched = Environment.TickCount64 };
        if (sessions.Count > Capacity) Trim();
    }

    public void Remove(string sessionId) => sessions.TryRemove(sessionId, out _);

    /// <summary>The interviewer's turn <paramref name="seq"/> as the voice finally worded it.</summary>
    public void Reword(string sessionId, int seq, string text)
    {
        if (!sessions.TryGetValue(sessionId, out var live) || seq >= live.Transcript.Count) return;
        sessions[sessionId] = live with { Transcript = live.Transcript.SetItem(seq, live.Transcript[seq] with { Text = text }) };
    }

    private void Trim()
    {
        lock (sessions)
        {
            if (sessions.Count <= Capacity) return;
            // A quarter at a time, so trimming is rare; an evicted session is simply read from the database again.
            foreach (var stale in sessions.Values.OrderBy(s => s.Touched).Take(Capacity / 4).ToList())
                sessions.TryRemove(new KeyValuePair<string, LiveSession>(stale.Id, stale));
        }
    }
}
