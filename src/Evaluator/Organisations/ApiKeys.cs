using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Evaluator.Data;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Organisations;

/// <summary>Creates, finds and revokes API keys; the plain key exists only in the creator's hands.</summary>
public static partial class ApiKeys
{
    public const string Header = "X-Api-Key";
    private const string KeyStart = "evk_";

    private static long revocations;

    /// <summary>Counts revocations made in this process; a cache of validated keys drops entries taken before a revocation.</summary>
    public static long Revocations => Interlocked.Read(ref revocations);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex OrganisationPattern();

    public static bool IsValidOrganisation(string organisation) => OrganisationPattern().IsMatch(organisation);

    public static string HashOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Stores a new key and returns it in plain text: the only time anyone sees it.</summary>
    public static async Task<(ApiKey Stored, string Key)> CreateAsync(EvaluatorDb db, string organisation, string role,
        CancellationToken cancellationToken = default)
    {
        if (!IsValidOrganisation(organisation))
            throw new ArgumentException(
                $"Organisation '{organisation}' must be 1-64 characters of a-z, 0-9 and '-', starting with a letter or digit.",
                nameof(organisation));
        if (!Roles.All.Contains(role))
            throw new ArgumentException($"Role '{role}' must be one of: {string.Join(", ", Roles.All)}.", nameof(role));

        var key = KeyStart + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var stored = new ApiKey
        {
            Organisation = organisation, Role = role, Hash = HashOf(key), Prefix = key[..12], CreatedAt = DateTime.UtcNow,
        };
        db.ApiKeys.Add(stored);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (stored, key);
    }

    /// <summary>The active key with this plain text, or null.</summary>
    public static Task<ApiKey?> FindAsync(EvaluatorDb db, string key, CancellationToken cancellationToken = default) =>
        FindByHashAsync(db, HashOf(key), cancellationToken);

    /// <summary>The active key with this <see cref="HashOf"/>, or null.</summary>
    public static Task<ApiKey?> FindByHashAsync(EvaluatorDb db, string hash, CancellationToken cancellationToken = default) =>
        db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);

    /// <summary>Revokes the organisation's key whose prefix or id matches; false when none does.</summary>
    public static async Task<bool> RevokeAsync(EvaluatorDb db, string organisation, string prefixOrId,
        CancellationToken cancellationToken = default)
    {
        var id = int.TryParse(prefixOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        var revoked = await db.ApiKeys
            .Where(k => k.Organisation == organisation && k.RevokedAt == null && (k.Prefix == prefixOrId || k.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTime.UtcNow), cancellationToken)
            .ConfigureAwait(false);
        Interlocked.Increment(ref revocations);
        return revoked > 0;
    }
}
