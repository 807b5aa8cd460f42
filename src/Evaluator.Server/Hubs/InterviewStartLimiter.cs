using System.Threading.RateLimiting;
using Evaluator.Interviews;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Evaluator.Server.Hubs;

/// <summary>
/// Caps the interviews started per API key (per client address without one) in each Interview:StartWindowSeconds.
/// The API's rate limiter sees only HTTP requests, and one hub connection can start any number of sessions.
/// </summary>
public sealed class InterviewStartLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly InterviewOptions options;

    public InterviewStartLimiter(IOptions<InterviewOptions> options)
    {
        this.options = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(partition =>
            RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = this.options.StartsPerWindow,
                Window = TimeSpan.FromSeconds(this.options.StartWindowSeconds),
                QueueLimit = 0,
            }));
    }

    /// <summary>Takes one start for the key (or, with no key, the address), or says when the next one is allowed.</summary>
    public void Take(int? keyId, string? address)
    {
        using var lease = limiter.AttemptAcquire(keyId is { } id ? $"key:{id}" : $"ip:{address}");
        if (lease.IsAcquired) return;
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(options.StartWindowSeconds);
        var who = keyId is null ? "this address" : "this key";
        throw new HubException(
            $"Too many interviews started from {who}: {options.StartsPerWindow} in {options.StartWindowSeconds} s is the limit. " +
            $"Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s, or resume an interview you started.");
    }

    public void Dispose() => limiter.Dispose();
}
