using System.Collections.Concurrent;
using Evaluator.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Evaluator.Tests.Api;

/// <summary>A real HTTP receiver on 127.0.0.1 that fails its first N calls with 500 and records every call.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Delivery(IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly int failures;
    private WebApplication app = null!;
    private int calls;

    public ConcurrentQueue<Delivery> Calls { get; } = new();
    public string Url { get; private set; } = "";

    private WebhookReceiver(int failures) => this.failures = failures;

    public static async Task<WebhookReceiver> StartAsync(int failures)
    {
        var receiver = new WebhookReceiver(failures);
        (receiver.app, var baseUrl) = await LoopbackApp.StartAsync(app => app.MapPost("/hook", receiver.ReceiveAsync));
        receiver.Url = baseUrl + "/hook";
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        Calls.Enqueue(new(request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
        return Interlocked.Increment(ref calls) <= failures ? Results.StatusCode(500) : Results.Ok();
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
