using System.ComponentModel.DataAnnotations;

namespace Evaluator.Webhooks;

/// <summary>Section "Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Tries per delivery, the first included.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; it doubles after each failure.</summary>
    [Range(0.001, 3600)]
    public double FirstRetryDelaySeconds { get; set; } = 2;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;
}
