using Evaluator.Server.Hosting;

namespace Evaluator.Tests.Hosting;

public sealed class GcBudgetCheckTests
{
    [Fact]
    public void Server_gc_on_a_machine_without_cache_sizes_is_told_to_set_the_gen0_floor()
    {
        var advice = GcBudgetCheck.Advice(serverGc: true, cachesReported: false, gen0Size: null);

        Assert.NotNull(advice);
        Assert.Contains("DOTNET_GCgen0size=0x8000000", advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, "0x8000000")]
    [InlineData(true, true, null)]
    [InlineData(false, false, null)]
    public void No_advice_once_the_floor_is_set_or_the_gc_can_size_gen0_itself(bool serverGc, bool cachesReported, string? gen0Size)
    {
        var advice = GcBudgetCheck.Advice(serverGc, cachesReported, gen0Size);

        Assert.Null(advice);
    }
}
