using Evaluator.Interviews;

namespace Evaluator.Server.Hubs;

/// <summary>What the server pushes to a browser: turns of the same session taken from another tab or device.</summary>
public interface IInterviewClient
{
    Task TurnsRecorded(string sessionId, IReadOnlyList<TranscriptEntry> turns);
}
