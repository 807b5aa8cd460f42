using Evaluator.Interviews;

namespace Evaluator.Tests.Interviews;

public class ResumeTokensTests
{
    [Fact]
    public void Token_carries_at_least_128_random_bits_and_only_its_hash_is_kept()
    {
        var (token, hash) = ResumeTokens.Create();
        var (other, _) = ResumeTokens.Create();

        Assert.True(token.Length * 6 >= 128, $"token '{token}' is too short");
        Assert.NotEqual(token, other);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_issued_token_matches_its_hash()
    {
        var (token, hash) = ResumeTokens.Create();

        Assert.True(ResumeTokens.Matches(token, hash));
        Assert.False(ResumeTokens.Matches(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), hash));
        Assert.False(ResumeTokens.Matches("", hash));
        Assert.False(ResumeTokens.Matches(null, hash));
    }
}
