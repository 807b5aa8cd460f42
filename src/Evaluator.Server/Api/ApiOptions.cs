using System.ComponentModel.DataAnnotations;

namespace Evaluator.Server.Api;

/// <summary>Section "Api".</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests per key (per client address without a key) in each window.</summary>
    [Range(1, int.MaxValue)]
    public int RateLimitPermits { get; set; } = 600;

    [Range(1, 86400)]
    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>
    /// How long a validated key is trusted without asking the database again. A key revoked from another process
    /// (the CLI) stops working within this time; 0 checks the database on every request.
    /// </summary>
    [Range(0, 300)]
    public int KeyCacheSeconds { get; set; } = 10;

    /// <summary>Largest body for one evaluation or one rubric upload, in bytes.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;
}
