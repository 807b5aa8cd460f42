using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Evaluator.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Evaluator.Tests.Ai;

/// <summary>What the fake model does with one chat completion request.</summary>
public abstract record FakeReply
{
    /// <summary>A normal completion (or SSE stream of it, cut in pieces, when the client asked to stream).</summary>
    public sealed record Content(string Text) : FakeReply;

    /// <summary>An error status, optionally with Retry-After seconds, optionally after a delay.</summary>
    public sealed record Status(int Code, int? RetryAfterSeconds = null, TimeSpan Delay = default) : FakeReply;

    /// <summary>Waits (longer than the client's timeout) before answering.</summary>
    public sealed record Hang(TimeSpan Delay) : FakeReply;
}

/// <summary>One request as the fake model saw it.</summary>
public sealed record FakeRequest(int Number, string System, string User, bool Stream, JsonObject Body);

/// <summary>
/// An OpenAI-compatible chat completions server on 127.0.0.1 (real Kestrel, real HTTP), scripted per test,
/// for pointing Semantic Kernel's OpenAI connector at with Ai:Llm:Provider = openai-compatible.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int count;

    private FakeModelServer(WebApplication app) => this.app = app;

    public Func<FakeRequest, FakeReply> Script { get; set; } = _ => new FakeReply.Content("{}");

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>The Endpoint setting for the connector: base URL plus /v1.</summary>
    public string Endpoint => BaseUrl + "/v1";

    public static async Task<FakeModelServer> StartAsync()
    {
        FakeModelServer? server = null;
        var (app, baseUrl) = await LoopbackApp.StartAsync(app =>
        {
            server = new FakeModelServer(app);
            app.MapPost("/v1/chat/completions", server.HandleAsync);
        });
        server!.BaseUrl = baseUrl;
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var messages = body["messages"]!.AsArray();
        string Text(string role) => string.Join('\n', messages.Where(m => (string?)m!["role"] == role).Select(m => ContentOf(m!["content"])));
        var request = new FakeRequest(Interlocked.Increment(ref count), Text("system"), Text("user"), (bool?)body["stream"] ?? false, body);
        Requests.Enqueue(request);

        switch (Script(request))
        {
            case FakeReply.Status status:
                if (status.Delay > TimeSpan.Zero) await Task.Delay(status.Delay);
                context.Response.StatusCode = status.Code;
                if (status.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.Response.WriteAsJsonAsync(new { error = new { message = "scripted failure", type = "server_error" } });
                return;
            case FakeReply.Hang hang:
                try { await Task.Delay(hang.Delay, context.RequestAborted); } catch (OperationCanceledException) { }
                return;
            case FakeReply.Content content when request.Stream:
                await StreamAsync(context, content.Text);
                return;
            case FakeReply.Content content:
                await context.Response.WriteAsJsonAsync(new
                {
                    id = "chatcmpl-" + request.Number, @object = "chat.completion", created = 1_700_000_000, model = "fake",
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = content.Text }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = request.User.Length / 4, completion_tokens = content.Text.Length / 4, total_tokens = (request.User.Length + content.Text.Length) / 4 },
                });
                return;
        }
    }

    /// <summary>Server-sent events, a few characters per chunk, flushed one by one.</summary>
    private static async Task StreamAsync(HttpContext context, string text)
    {
        context.Response.ContentType = "text/event-stream";
        async Task Send(object chunk)
        {
            await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
            await context.Response.Body.FlushAsync();
        }
        for (var i = 0; i < text.Length; i += 4)
            await Send(new
            {
                id = "chatcmpl-s", @object = "chat.completion.chunk", created = 1_700_000_000, model = "fake",
                choices = new[] { new { index = 0, delta = new { role = "assistant", content = text[i..Math.Min(i + 4, text.Length)] }, finish_reason = (string?)null } },
            });
        await Send(new
        {
            id = "chatcmpl-s", @object = "chat.completion.chunk", created = 1_700_000_000, model = "fake",
            choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } },
        });
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => (string?)value ?? "",
        JsonArray parts => string.Join("", parts.Select(p => (string?)p!["text"] ?? "")),
        _ => "",
    };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
