using Evaluator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Cli;

/// <summary>
/// The same settings and services as the server: ./appsettings.json, then environment variables
/// (e.g. ConnectionStrings__Evaluator), so the CLI and the server open the same database.
/// </summary>
public static class CliHost
{
    public static ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return new ServiceCollection().AddEvaluatorCore(configuration).BuildServiceProvider();
    }
}
