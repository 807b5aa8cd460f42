using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Evaluator.Tests.Api;

/// <summary>A real HTTP receiver on 127.0.0.1 that fails its first N calls with 500 and records every call.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Delivery(IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly WebApplication app;
    private int calls;

    public ConcurrentQueue<Delivery> Calls { get; } = new();
    public string Url { get; }

    private WebhookReceiver(WebApplication app, int failures)
    {
        this.app = app;
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            Calls.Enqueue(new(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            return Interlocked.Increment(ref calls) <= failures ? Results.StatusCode(500) : Results.Ok();
        });
        app.StartAsync().GetAwaiter().GetResult();
        Url = app.Urls.First() + "/hook";
    }

    public static WebhookReceiver Start(int failures)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return new WebhookReceiver(builder.Build(), failures);
    }

    /// <summary>Waits (bounded: 30 s) until at least n calls arrived.</summary>
    public async Task WaitForCallsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Calls.Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Only {Calls.Count} of {count} webhook calls arrived.");
            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
