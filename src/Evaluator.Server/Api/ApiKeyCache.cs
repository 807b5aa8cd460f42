using System.Collections.Concurrent;
using Evaluator.Data;
using Evaluator.Organisations;
using Microsoft.Extensions.Options;

namespace Evaluator.Server.Api;

/// <summary>
/// Keys that passed validation, kept for Api:KeyCacheSeconds and keyed by the key's hash, so a client that polls
/// costs no database query per request. Only valid keys are kept (an unknown key is looked up every time), so the
/// cache holds at most one entry per stored key. A revocation made in this process takes effect at once; one made
/// by another process on the same database (evaluator keys revoke) takes effect within Api:KeyCacheSeconds.
/// </summary>
public sealed class ApiKeyCache(IOptions<ApiOptions> options, TimeProvider time)
{
    private sealed record Entry(ApiKey Key, long Revocations, DateTimeOffset Until);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The active key with this plain text, or null.</summary>
    public async Task<ApiKey?> FindAsync(EvaluatorDb db, string presented, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.HashOf(presented);
        // Read before the query: a revocation that lands during the query invalidates what it returns.
        var revocations = ApiKeys.Revocations;
        var now = time.GetUtcNow();
        if (entries.TryGetValue(hash, out var entry) && entry.Revocations == revocations && entry.Until > now) return entry.Key;

        var key = await ApiKeys.FindByHashAsync(db, hash, cancellationToken).ConfigureAwait(false);
        var seconds = options.Value.KeyCacheSeconds;
        if (key is null || seconds == 0) entries.TryRemove(hash, out _);
        else entries[hash] = new Entry(key, revocations, now.AddSeconds(seconds));
        return key;
    }
}
