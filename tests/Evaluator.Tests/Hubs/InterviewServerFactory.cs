using Evaluator.Json;
using Evaluator.Server.Hubs;
using Evaluator.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Tests.Hubs;

/// <summary>The real server in memory (TestServer; InterviewHub marks its assembly, as the CLI has a Program too) on a SQLite file of its own, with SignalR clients over WebSockets.</summary>
public class InterviewServerFactory : WebApplicationFactory<InterviewHub>
{
    private readonly TempDatabase database = new();
    private readonly Dictionary<string, string?> settings = new();

    public InterviewServerFactory() => settings["Rubrics:Path"] = TestPaths.Rubrics;

    public string DatabasePath => database.Path;

    /// <summary>Adds a setting (e.g. Interview:MaxTurns); call before the first connection.</summary>
    public InterviewServerFactory With(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    public async Task<HubConnection> ConnectAsync()
    {
        var server = Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/interview"), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.WebSocketFactory = (context, cancellationToken) => new(server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellationToken));
            })
            .AddJsonProtocol(o => EvaluatorJson.Configure(o.PayloadSerializerOptions))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Evaluator", database.ConnectionString);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) database.Dispose();
    }
}
