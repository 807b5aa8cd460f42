using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Evaluator.Benchmarks.Interviews;
using Evaluator.Interviews;
using Evaluator.Json;
using Evaluator.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Evaluator.Benchmarks;

/// <summary>
/// 500 interviews at once over real SignalR WebSocket connections on loopback, each sending 10 answers one after
/// another; baseline: the same calls to an echo hub method on the same server. Reports per-turn p50/p99 latency and
/// the interview p99 against the echo p99 (goal: within echo p99 + 5 ms).
/// </summary>
[Config(typeof(Config))]
public class InterviewHubBenchmarks
{
    public const int Sessions = 500;
    public const int AnswersPerSession = 10;

    private static readonly string[] Answers =
    [
        "How many daily active users are there, and how many candidate posts does a user have when they open the feed?",
        "What is the latency budget for rendering the feed?",
        "I would optimise for meaningful interactions (comments, shares, replies between friends) rather than raw time spent, "
            + "with an integrity penalty so borderline content is not amplified. The ML task is to predict, for each candidate post, "
            + "the probability of each engagement type, and rank by a weighted sum.",
        "Let's move on.",
        "Each impression is a training example: a like, comment or share within a day is a positive for that head, impressions "
            + "without interaction are negatives, down-sampled with the rate kept for calibration. Features: user, author, post and context.",
        "I would start with a logistic regression baseline, then move to a multi-task neural network with shared layers and one head per "
            + "engagement type, because rare tasks such as shares benefit from the shared representation.",
        "Offline: per-head ROC-AUC and log loss on the most recent week held out by time, plus nDCG of the final order. Online: an A/B test "
            + "on meaningful interactions and daily returning users, with guardrails on reports and hides.",
        "Serving: gather about 1,500 candidates, score them with a light model, rank the top 500 with the multi-task model, and re-rank "
            + "for diversity, all within the 100 ms ranking budget, with features from an online feature store.",
        "Monitoring: daily dashboards of feature and score distributions, alerts on drift, per-head calibration checks, and weekly retraining.",
        "Can I assume we retrain the model every day on the latest logs?",
    ];

    private readonly string databaseFolder = Directory.CreateTempSubdirectory("evaluator-bench-").FullName;
    private WebApplication? app;
    private HubConnection[] interviewHubs = [];
    private HubConnection[] echoHubs = [];
    private StartedInterview[] sessions = [];

    [GlobalSetup]
    public async Task StartServerAndConnect()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Evaluator"] = $"Data Source={Path.Combine(databaseFolder, "bench.db")}",
            ["Rubrics:Path"] = Path.Combine(AppContext.BaseDirectory, "rubrics"),
            // Every round starts 500 interviews from one address.
            ["Interview:StartsPerWindow"] = "1000000",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddEvaluatorServer();
        app = builder.Build();
        app.MapEvaluatorServer();
        app.MapHub<EchoHub>(EchoHub.Path);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());

        interviewHubs = await ConnectAllAsync(new Uri(address, "hubs/interview"));
        echoHubs = await ConnectAllAsync(new Uri(address, EchoHub.Path));
    }

    [IterationSetup(Target = nameof(Interview_turns))]
    public void StartFreshInterviews() =>
        sessions = Task.WhenAll(interviewHubs.Select(h => h.InvokeAsync<StartedInterview>("StartInterview", "news-feed")))
            .GetAwaiter().GetResult();

    [IterationCleanup(Target = nameof(Interview_turns))]
    public void EndInterviewIteration() => TurnLatencies.EndIteration(nameof(Interview_turns));

    [IterationCleanup(Target = nameof(Echo_turns))]
    public void EndEchoIteration() => TurnLatencies.EndIteration(nameof(Echo_turns));

    [Benchmark(Baseline = true)]
    public Task Echo_turns() =>
        RunAll(echoHubs, nameof(Echo_turns), (hub, _, answer) => hub.InvokeAsync<string>("Echo", answer));

    [Benchmark]
    public Task Interview_turns() =>
        RunAll(interviewHubs, nameof(Interview_turns), (hub, i, answer) =>
            hub.InvokeAsync<AnswerReply>("SendAnswer", sessions[i].SessionId, sessions[i].ResumeToken, answer));

    [GlobalCleanup]
    public async Task StopServer()
    {
        foreach (var hub in interviewHubs.Concat(echoHubs)) await hub.DisposeAsync();
        if (app is not null) await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(databaseFolder, recursive: true);
    }

    /// <summary>Every connection sends its answers one after another; all connections at once.</summary>
    private static Task RunAll(HubConnection[] hubs, string benchmark, Func<HubConnection, int, string, Task> call) =>
        Task.WhenAll(hubs.Select(async (hub, i) =>
        {
            for (var n = 0; n < AnswersPerSession; n++)
            {
                var started = Stopwatch.GetTimestamp();
                await call(hub, i, Answers[n]);
                TurnLatencies.Record(benchmark, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));

    private static async Task<HubConnection[]> ConnectAllAsync(Uri url)
    {
        var hubs = new List<HubConnection>();
        // In batches, so 500 handshakes do not time each other out on a small machine.
        foreach (var batch in Enumerable.Range(0, Sessions).Chunk(50))
            hubs.AddRange(await Task.WhenAll(batch.Select(async _ =>
            {
                var hub = new HubConnectionBuilder()
                    .WithUrl(url, HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
                    .AddJsonProtocol(o => EvaluatorJson.Configure(o.PayloadSerializerOptions))
                    .Build();
                hub.ServerTimeout = TimeSpan.FromMinutes(2);
                await hub.StartAsync();
                return hub;
            })));
        return [.. hubs];
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In process, so the latency columns can read what the benchmarks recorded. One call of a benchmark is
            // a whole round (500 sessions x 10 answers); a jitting and a warm-up round run before the measured ones.
            AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: true))
                .WithInvocationCount(1).WithUnrollFactor(1)
                .WithWarmupCount(1).WithIterationCount(TurnLatencies.MeasuredIterations)
                .WithId("500 sessions x 10 answers"));
            AddColumn(new LatencyColumn("Turn p50 (ms)", 0.50), new LatencyColumn("Turn p99 (ms)", 0.99),
                new P99AgainstBaselineColumn(nameof(Echo_turns)));
        }
    }
}
