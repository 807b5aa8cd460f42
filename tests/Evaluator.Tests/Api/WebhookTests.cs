using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Evaluator.Organisations;

namespace Evaluator.Tests.Api;

public class WebhookTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Secret = "test-secret-0123456789";

    [Fact]
    public async Task Completed_batch_is_posted_signed_and_retried_after_a_failure()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failures: 1);
        using var admin = await factory.ClientForAsync("hooked", Roles.Admin);
        (await admin.PutAsJsonAsync("/api/webhook", new { url = receiver.Url, secret = Secret })).EnsureSuccessStatusCode();

        var id = (await (await admin.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(3)))).JsonAsync())
            .GetProperty("batch").GetProperty("id").GetString()!;
        await admin.WaitForBatchAsync(id);
        await receiver.WaitForCallsAsync(2);

        var calls = receiver.Calls.ToArray();
        Assert.Equal(2, calls.Length);
        foreach (var call in calls)
        {
            var timestamp = call.Headers["X-Evaluator-Timestamp"];
            var expected = "sha256=" + Convert.ToHexStringLower(
                HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + "." + call.Body)));
            Assert.Equal(expected, call.Headers["X-Evaluator-Signature"]);
            Assert.InRange(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        }
        var payload = JsonDocument.Parse(calls[1].Body).RootElement;
        Assert.Equal("batch.completed", payload.GetProperty("event").GetString());
        Assert.Equal(id, payload.GetProperty("batchId").GetString());
        Assert.Equal(3, payload.GetProperty("graded").GetInt32());
        var delivery = await WaitForDeliveryAsync(admin, id);
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Signature_made_with_another_secret_does_not_match()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failures: 0);
        using var admin = await factory.ClientForAsync("hooked-2", Roles.Admin);
        (await admin.PutAsJsonAsync("/api/webhook", new { url = receiver.Url, secret = Secret })).EnsureSuccessStatusCode();

        await admin.WaitForBatchAsync((await (await admin.PostAsync("/api/batches", TestAnswers.Ndjson(TestAnswers.JsonLines(1)))).JsonAsync())
            .GetProperty("batch").GetProperty("id").GetString()!);
        await receiver.WaitForCallsAsync(1);

        var call = receiver.Calls.Single();
        var forged = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("another-secret-0000"), Encoding.UTF8.GetBytes(call.Headers["X-Evaluator-Timestamp"] + "." + call.Body)));
        Assert.NotEqual(forged, call.Headers["X-Evaluator-Signature"]);
    }

    [Fact]
    public async Task Secret_is_generated_when_left_out_and_shown_only_once()
    {
        using var admin = await factory.ClientForAsync("hook-admin", Roles.Admin);

        var set = await (await admin.PutAsJsonAsync("/api/webhook", new { url = "https://example.org/hook" })).JsonAsync();
        var read = await (await admin.GetAsync("/api/webhook")).JsonAsync();

        Assert.StartsWith("whsec_", set.GetProperty("secret").GetString());
        Assert.Equal("https://example.org/hook", read.GetProperty("url").GetString());
        Assert.False(read.TryGetProperty("secret", out _));
    }

    [Fact]
    public async Task Webhook_can_be_removed_and_then_is_404()
    {
        using var admin = await factory.ClientForAsync("hook-remove", Roles.Admin);
        await admin.PutAsJsonAsync("/api/webhook", new { url = "https://example.org/hook" });

        using var deleted = await admin.DeleteAsync("/api/webhook");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await admin.GetAsync("/api/webhook")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.DeleteAsync("/api/webhook")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_url_or_short_secret_or_unknown_field_is_400_problem()
    {
        using var admin = await factory.ClientForAsync("hook-bad", Roles.Admin);

        var url = await (await admin.PutAsJsonAsync("/api/webhook", new { url = "ftp://example.org" })).ProblemAsync(HttpStatusCode.BadRequest);
        var secret = await (await admin.PutAsJsonAsync("/api/webhook", new { url = "https://example.org", secret = "short" })).ProblemAsync(HttpStatusCode.BadRequest);
        var field = await (await admin.PutAsJsonAsync("/api/webhook", new { url = "https://example.org", events = "all" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("$.url", url.GetProperty("path").GetString());
        Assert.Equal("$.secret", secret.GetProperty("path").GetString());
        Assert.Equal("$.events", field.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Another_organisations_webhook_is_invisible()
    {
        using var owner = await factory.ClientForAsync("hook-owner", Roles.Admin);
        using var stranger = await factory.ClientForAsync("hook-stranger", Roles.Admin);
        await owner.PutAsJsonAsync("/api/webhook", new { url = "https://example.org/owner" });

        await (await stranger.GetAsync("/api/webhook")).ProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.DeleteAsync("/api/webhook")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/webhook")).StatusCode);
    }

    private static async Task<JsonElement> WaitForDeliveryAsync(HttpClient client, string batchId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var webhook = (await (await client.GetAsync($"/api/batches/{batchId}")).JsonAsync()).GetProperty("webhook");
            if (webhook.TryGetProperty("deliveredAt", out _)) return webhook;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Webhook of {batchId} not delivered: {webhook}");
            await Task.Delay(50);
        }
    }
}
