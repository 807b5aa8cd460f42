namespace Evaluator.Tests.Hubs;

public class InterviewSettingsTests
{
    [Theory]
    [InlineData("Interview:MaxTurns", "0")]
    [InlineData("Interview:MaxAnswerLength", "-5")]
    [InlineData("Interview:StartsPerWindow", "0")]
    [InlineData("Interview:StartWindowSeconds", "0")]
    [InlineData("Ai:Interviewer", "robot")]
    public void Bad_interview_setting_stops_the_server_with_the_key_in_the_message(string key, string value)
    {
        using var server = new InterviewServerFactory().With(key, value);

        var error = Record.Exception(() => server.Server);

        Assert.NotNull(error);
        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turn_budget_from_settings_ends_the_interview_with_a_report()
    {
        using var server = new InterviewServerFactory().With("Interview:MaxTurns", "2");
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");

        var first = await hub.SendAnswer(session, "I would keep it simple.");
        var last = await hub.SendAnswer(session, "And then I would think about the data.");
        var report = await hub.EndInterview(session);

        Assert.False(first.Done);
        Assert.True(last.Done);
        Assert.Equal("done", last.Step);
        Assert.Equal("turn-budget", report.EndReason);
    }
}
