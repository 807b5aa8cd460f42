namespace Evaluator.Server.WebPage;

/// <summary>The candidate's interview page: static files from wwwroot, index.html at "/".</summary>
public static class WebPageSetup
{
    public static WebApplicationBuilder AddWebPage(this WebApplicationBuilder builder)
    {
        // Serve wwwroot (including the npm-copied lib/) when the built dll runs from any folder;
        // a no-op for published apps, which carry their own wwwroot.
        // (Development already does this.)
        if (!builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication UseWebPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
