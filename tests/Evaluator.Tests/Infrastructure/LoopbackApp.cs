using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Evaluator.Tests.Infrastructure;

/// <summary>A minimal real Kestrel app on 127.0.0.1, on a port the OS picks: the tests' fake peers run on it.</summary>
public static class LoopbackApp
{
    /// <summary>Adds the services, maps the endpoints, starts the app and returns it with the address it listens on.</summary>
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, app.Urls.First());
    }
}
