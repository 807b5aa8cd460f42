using Evaluator.Rubrics;
using Evaluator.Tests.Hubs;

namespace Evaluator.Tests.Ai;

/// <summary>Ai:Interviewer = llm through the real hub (SignalR over WebSockets) with the fake model server streaming SSE.</summary>
public sealed class LlmInterviewerTests : IAsyncLifetime
{
    private FakeModelServer model = null!;
    private InterviewServerFactory server = null!;

    public async Task InitializeAsync()
    {
        model = await FakeModelServer.StartAsync();
        server = new InterviewServerFactory()
            .With("Ai:Interviewer", "llm")
            .With("Ai:Llm:Provider", "openai-compatible")
            .With("Ai:Llm:Endpoint", model.Endpoint)
            .With("Ai:Llm:Model", "fake-interviewer")
            .With("Ai:Llm:TimeoutSeconds", "5")
            .With("Ai:Llm:MaxRetries", "1")
            .With("Ai:Llm:RetryDelayMilliseconds", "20")
            .With("Prompts:Path", Path.Combine(TestPaths.RepoRoot, "prompts"));
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await model.DisposeAsync();
    }

    private string NextStepTitle => server.Service<RubricSet>().Framework.Steps[1].Title;

    [Fact]
    public async Task Streamed_reply_is_the_model_wording_token_by_token_and_is_what_gets_stored()
    {
        const string worded = "Sure, let's leave requirements there. Next, how would you frame this as a machine learning task?";
        model.Script = _ => new FakeReply.Content(worded);
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");

        var chunks = await hub.StreamAnswer(session, "Let's move on.").ToListAsync();
        var resumed = await hub.Resume(session);

        Assert.True(chunks.Count > 5, $"{chunks.Count} chunks");
        Assert.Equal(worded, string.Concat(chunks));
        Assert.Equal(worded, resumed.Transcript[^1].Text);
        Assert.Equal("frame-problem", resumed.Step);
    }

    [Fact]
    public async Task Model_is_given_the_decided_move_and_the_case_tools()
    {
        model.Script = _ => new FakeReply.Content("Let's move on to framing the problem.");
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");

        await hub.StreamAnswer(session, "Let's move on.").ToListAsync();

        var request = model.Requests.Last();
        Assert.True(request.Stream);
        Assert.Contains(NextStepTitle, request.User, StringComparison.Ordinal);
        var tools = request.Body["tools"]!.AsArray().Select(t => (string)t!["function"]!["name"]!).ToList();
        Assert.Contains(tools, t => t.EndsWith("case_facts", StringComparison.Ordinal));
        Assert.Contains(tools, t => t.EndsWith("missing_criteria", StringComparison.Ordinal));
        Assert.Contains(tools, t => t.EndsWith("probes_used", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Numbers_from_the_case_facts_may_be_stated()
    {
        const string worded = "Good question: about 2 billion daily active users, each with roughly 1,500 candidate posts.";
        model.Script = _ => new FakeReply.Content(worded);
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");

        var chunks = await hub.StreamAnswer(session, "How many daily active users are there?").ToListAsync();

        Assert.Equal(worded, string.Concat(chunks));
    }

    [Fact]
    public async Task A_reply_stating_a_number_not_in_the_facts_is_cut_and_the_decided_wording_is_used()
    {
        model.Script = _ => new FakeReply.Content("Sure. We have 3 billion users and a 50 ms budget, so let's frame the problem.");
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");

        var reply = string.Concat(await hub.StreamAnswer(session, "Let's move on.").ToListAsync());
        var resumed = await hub.Resume(session);

        Assert.DoesNotContain("3 billion", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("50 ms", reply, StringComparison.Ordinal);
        Assert.Contains("Sure, let's move on. Next: " + NextStepTitle + ".", reply, StringComparison.Ordinal);
        Assert.Equal(reply, resumed.Transcript[^1].Text);
    }

    [Fact]
    public async Task A_failing_model_gives_the_deterministic_wording()
    {
        model.Script = _ => new FakeReply.Status(500);
        await using var hub = await server.ConnectAsync();
        var session = await hub.StartInterview("news-feed");

        var reply = string.Concat(await hub.StreamAnswer(session, "Let's move on.").ToListAsync());

        Assert.StartsWith("Sure, let's move on. Next: " + NextStepTitle + ".", reply, StringComparison.Ordinal);
        Assert.Equal("frame-problem", (await hub.Resume(session)).Step);
    }
}
