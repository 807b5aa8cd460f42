using System.Security.Cryptography;
using System.Text;

namespace Evaluator.Interviews;

/// <summary>Resume tokens: 256 random bits handed to the candidate once; only their SHA-256 is stored.</summary>
public static class ResumeTokens
{
    public static (string Token, string Hash) Create()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Convert.ToHexString(Hash(token)));
    }

    /// <summary>Constant-time comparison, so response timing says nothing about how much of a guess was right.</summary>
    public static bool Matches(string? token, string storedHash) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Hash(token), Convert.FromHexString(storedHash));

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
