using Evaluator.Batches;
using Evaluator.Data;
using Evaluator.Hosting;
using Evaluator.Json;
using Evaluator.Organisations;
using Evaluator.Rubrics;
using Evaluator.Server.Api;
using Evaluator.Server.Hubs;
using Evaluator.Server.WebPage;
using Evaluator.Webhooks;

namespace Evaluator.Server.Hosting;

public static class ServerSetup
{
    public static WebApplicationBuilder AddEvaluatorServer(this WebApplicationBuilder builder)
    {
        // Process-wide, before SQLite's first allocation.
        NativeHeap.KeepFreedMemory();
        builder.Services.AddEvaluatorCore(builder.Configuration);
        builder.Services.AddLargeSocketBlocks();
        builder.Services.AddHostedService<WalCheckpointer>();
        builder.Services.AddHostedService<GcBudgetCheck>();
        builder.AddWebPage();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ContentTypeProblems.Explain);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => EvaluatorJson.Configure(o.SerializerOptions));
        builder.Services.AddOrganisations();
        builder.Services.AddBatches(builder.Configuration);
        builder.Services.AddWebhooks(builder.Configuration);
        builder.AddEvaluatorApi();
        builder.Services.AddInterviewHub(builder.Configuration);
        return builder;
    }

    public static WebApplication MapEvaluatorServer(this WebApplication app)
    {
        // Load the rubrics now: a broken rubric folder stops the app at start with file:line errors.
        app.Services.GetRequiredService<RubricSet>();
        MigrateDatabase(app.Services);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebPage();
        app.MapOpenApi();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
        app.MapEvaluatorApi();
        app.MapCases();
        app.MapInterviewHub();
        return app;
    }

    /// <summary>Creates or upgrades the SQLite database before the first request.</summary>
    private static void MigrateDatabase(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<EvaluatorDb>().MigrateAndConfigure();
    }
}
