using System.Security.Cryptography;
using System.Text;

namespace Evaluator.Webhooks;

/// <summary>
/// The signature a receiver checks: X-Evaluator-Signature = "sha256=" + hex(HMAC-SHA256(secret, timestamp + "." + body)),
/// with the Unix-seconds timestamp sent in X-Evaluator-Timestamp so a receiver can refuse old replays.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Evaluator-Timestamp";
    public const string SignatureHeader = "X-Evaluator-Signature";
    public const string EventHeader = "X-Evaluator-Event";

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
