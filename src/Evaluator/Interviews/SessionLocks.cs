namespace Evaluator.Interviews;

/// <summary>
/// One gate per session, so two answers to the same session (two tabs, a double click, a retry) are taken
/// one after the other and neither turn is lost. Gates exist only while someone holds or waits for them.
/// </summary>
public sealed class SessionLocks
{
    private readonly Dictionary<string, Gate> gates = new(StringComparer.Ordinal);

    /// <summary>Sessions with a holder or a waiter right now.</summary>
    public int ActiveCount
    {
        get { lock (gates) return gates.Count; }
    }

    public async Task<IDisposable> AcquireAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        Gate gate;
        lock (gates)
        {
            if (!gates.TryGetValue(sessionId, out gate!)) gates[sessionId] = gate = new Gate();
            gate.Users++;
        }
        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(sessionId, gate);
            throw;
        }
        return new Lease(this, sessionId, gate);
    }

    private void Leave(string sessionId, Gate gate)
    {
        lock (gates)
        {
            if (--gate.Users > 0) return;
            gates.Remove(sessionId);
            gate.Semaphore.Dispose();
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Lease(SessionLocks owner, string sessionId, Gate gate) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1) return;
            gate.Semaphore.Release();
            owner.Leave(sessionId, gate);
        }
    }
}
