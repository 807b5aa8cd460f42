using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Evaluator.Server.Api;

/// <summary>Request and response examples shown in the OpenAPI document and the /scalar page.</summary>
internal sealed class ApiExamplesTransformer : IOpenApiOperationTransformer
{
    private const string Answer =
        "We optimise meaningful interactions: predict like, comment and share per post with a multi-task model, " +
        "rank by a weighted sum, evaluate offline with ROC-AUC on a time split and online with an A/B test on sessions per user.";

    private static readonly Dictionary<string, (string ContentType, JsonNode Example)> RequestExamples = new()
    {
        ["POST api/evaluations"] = ("application/json", new JsonObject { ["id"] = "a-17", ["case"] = "news-feed", ["answer"] = Answer }),
        ["POST api/batches"] = ("application/x-ndjson", JsonValue.Create(
            "{\"id\":\"a-1\",\"case\":\"news-feed\",\"answer\":\"" + Answer + "\"}\n{\"id\":\"a-2\",\"case\":\"news-feed\",\"answer\":\"CTR, AUC, embeddings, A/B test.\"}\n")),
        ["PUT api/webhook"] = ("application/json", new JsonObject { ["url"] = "https://example.org/hooks/evaluator" }),
        ["PUT api/rubrics/{caseId}"] = (RubricsEndpoints.YamlMediaType, JsonValue.Create(
            "id: news-feed\ntitle: News feed ranking\nversion: \"2\"\nprompt: Design the ranking of a news feed.\nfacts: [...]\ndimensions: {...}\n")),
    };

    private static readonly Dictionary<string, JsonNode> ResponseExamples = new()
    {
        ["POST api/evaluations"] = JsonNode.Parse("""
            {"id":"a-17","case":"news-feed","scorer":"local","rubricVersion":"1","overall":62,
             "dimensions":{"metrics":{"score":58,"level":2,
               "criteria":[{"id":"online-metrics","level":2,"evidence":["online with an A/B test on sessions per user"]}],
               "missing":[{"id":"offline-metrics","probe":"How would you evaluate the ranker offline?"}]}},
             "flags":[]}
            """)!,
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var key = $"{context.Description.HttpMethod} {context.Description.RelativePath?.TrimEnd('/')}";
        if (RequestExamples.TryGetValue(key, out var request) && operation.RequestBody?.Content is { } content)
        {
            if (!content.TryGetValue(request.ContentType, out var media)) content[request.ContentType] = media = new OpenApiMediaType();
            media.Example = request.Example.DeepClone();
        }
        if (ResponseExamples.TryGetValue(key, out var response)
            && operation.Responses?.TryGetValue("200", out var ok) == true
            && ok.Content?.TryGetValue("application/json", out var okMedia) == true)
            okMedia.Example = response.DeepClone();
        return Task.CompletedTask;
    }
}
