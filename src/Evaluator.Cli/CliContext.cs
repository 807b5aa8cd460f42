using Evaluator.Hosting;
using Evaluator.Rubrics;
using Evaluator.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Evaluator.Cli;

/// <summary>
/// What a command needs from one invocation: its streams, whether they are a terminal, and services composed
/// like the server's (appsettings.json in the current folder, environment variables, AddEvaluatorCore).
/// The host is built on first use, so commands that need no services start nothing.
/// </summary>
public sealed class CliContext(
    TextReader input,
    TextWriter output,
    TextWriter error,
    IDictionary<string, string?>? configOverrides = null,
    bool outputIsTerminal = false,
    bool errorIsTerminal = false) : IDisposable
{
    private IHost? _host;
    private IConfiguration? _settings;
    private IReadOnlyList<string> _scorerNames = [];

    public TextReader Input { get; } = input;
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>True only for the real console, not redirected: colours, Spectre tables and progress bars.</summary>
    public bool OutputIsTerminal { get; } = outputIsTerminal;
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    public IServiceProvider Services => (_host ??= BuildHost()).Services;

    public IConfiguration Configuration => Services.GetRequiredService<IConfiguration>();

    /// <summary>
    /// The same settings sources as the host (appsettings.json here, environment, overrides) without building it,
    /// for commands that must run while settings would fail start-up validation (models pull fetches the missing model).
    /// </summary>
    public IConfiguration Settings => _settings ??= new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddInMemoryCollection(configOverrides ?? new Dictionary<string, string?>())
        .Build();

    /// <summary>The rubric folder from Rubrics:Path; a broken folder throws with every file:line error.</summary>
    public RubricSet Rubrics => Services.GetRequiredService<RubricSet>();

    /// <summary>
    /// The scorer the user picked (--scorer), else the configured default (Ai:Scorer).
    /// An unknown or unavailable scorer is an input error that names the registered choices.
    /// </summary>
    public IAnswerScorer Scorer(string? name)
    {
        var services = Services;
        var choices = string.Join(", ", _scorerNames);
        var configured = Configuration["Ai:Scorer"];
        var wanted = name ?? configured ?? "local";
        if (!_scorerNames.Contains(wanted, StringComparer.Ordinal))
            throw new CliInputException(name is null
                ? $"Unknown scorer '{wanted}' in setting Ai:Scorer. Scorers: {choices}."
                : $"Unknown scorer '{wanted}'. Scorers: {choices}.");
        try
        {
            return name is null ? services.GetRequiredService<IAnswerScorer>() : services.GetRequiredKeyedService<IAnswerScorer>(name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Registered but cannot start (no model file, no endpoint): say why and what else there is.
            throw new CliInputException($"Scorer '{wanted}' is not available: {e.Message} Scorers: {choices}.");
        }
    }

    /// <summary>A Spectre console on one of this invocation's writers: ANSI only when it is a terminal.</summary>
    public static IAnsiConsole ConsoleFor(TextWriter writer, bool terminal) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });

    private IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        if (configOverrides is not null) builder.Configuration.AddInMemoryCollection(configOverrides);

        // stdout carries results (JSON, CSV); log lines go to stderr, warnings and up only.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A failing model is reported once, by the scorer that falls back (and in the result's fallbackReason);
        // Semantic Kernel's own per-call failure logs would repeat it with stack traces for every dimension.
        builder.Logging.AddFilter("Microsoft.SemanticKernel", LogLevel.Critical);

        builder.Services.AddEvaluatorCore(builder.Configuration);
        _scorerNames = [.. builder.Services
            .Where(d => d.IsKeyedService && d.ServiceType == typeof(IAnswerScorer) && d.ServiceKey is string)
            .Select(d => (string)d.ServiceKey!)
            .Distinct()];
        var host = builder.Build();
        // Settings with ValidateOnStart are checked here, as the server checks them at start-up.
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }

    public void Dispose() => _host?.Dispose();
}
