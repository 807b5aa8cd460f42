using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Evaluator.Batches;
using Evaluator.Data;
using Evaluator.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Evaluator.Webhooks;

/// <summary>What an organisation's webhook receives when a batch completes.</summary>
public sealed record BatchCompletedEvent(
    string Event, string BatchId, string Organisation, int Total, int Graded, int Failed, DateTime? CompletedAt, string Results);

/// <summary>
/// Delivers "batch.completed" to the organisation's webhook, signed, retried with doubling delays.
/// The pending flag lives on the batch row, so a delivery cut short by a restart is sent again on start.
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    public const string BatchCompleted = "batch.completed";

    private readonly Channel<string> channel = Channel.CreateUnbounded<string>(new() { SingleReader = true });

    public void Enqueue(string batchId) => channel.Writer.TryWrite(batchId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EvaluatorDb>();
            foreach (var id in await db.Batches.Where(b => b.WebhookPending).Select(b => b.Id).ToListAsync(stoppingToken).ConfigureAwait(false))
                Enqueue(id);
        }
        // Deliveries run side by side so one slow receiver does not hold up the others.
        await foreach (var batchId in channel.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            _ = DeliverAsync(batchId, stoppingToken);
    }

    private async Task DeliverAsync(string batchId, CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<EvaluatorDb>();
            var batch = await db.Batches.FindAsync([batchId], cancellationToken).ConfigureAwait(false);
            if (batch is not { WebhookPending: true }) return;
            var hook = await db.Webhooks.AsNoTracking()
                .FirstOrDefaultAsync(w => w.Organisation == batch.Organisation, cancellationToken).ConfigureAwait(false);
            if (hook is not null)
            {
                var counts = await BatchCounts.CountAsync(db, batch, cancellationToken).ConfigureAwait(false);
                var body = JsonSerializer.Serialize(new BatchCompletedEvent(BatchCompleted, batch.Id, batch.Organisation,
                    counts.Total, counts.Graded, counts.Failed, batch.CompletedAt, $"/api/batches/{batch.Id}/results"), EvaluatorJson.Options);
                var delay = TimeSpan.FromSeconds(options.Value.FirstRetryDelaySeconds);
                for (var attempt = 1; attempt <= options.Value.MaxAttempts; attempt++)
                {
                    batch.WebhookAttempts = attempt;
                    if (await PostAsync(hook, body, attempt, cancellationToken).ConfigureAwait(false))
                    {
                        batch.WebhookDeliveredAt = time.GetUtcNow().UtcDateTime;
                        break;
                    }
                    if (attempt == options.Value.MaxAttempts) LogGaveUp(batch.Id, hook.Url, attempt);
                    else await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
                    delay *= 2;
                }
            }
            batch.WebhookPending = false;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Still pending in the database: sent again on the next start.
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            LogDeliveryFailed(e, batchId);
        }
    }

    private async Task<bool> PostAsync(Webhook hook, string body, int attempt, CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.EventHeader, BatchCompleted);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(hook.Secret, timestamp, body));
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            client.Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return true;
            LogAttemptFailed(hook.Url, attempt, $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogAttemptFailed(hook.Url, attempt, e.Message);
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {Url} attempt {Attempt} failed: {Reason}")]
    private partial void LogAttemptFailed(string url, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook for batch {BatchId} to {Url} gave up after {Attempts} attempts")]
    private partial void LogGaveUp(string batchId, string url, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery for batch {BatchId} failed")]
    private partial void LogDeliveryFailed(Exception exception, string batchId);
}
