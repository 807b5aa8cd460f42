using Evaluator.Rubrics;
using Microsoft.Extensions.Options;

namespace Evaluator.Server.Hosting;

/// <summary>
/// A setting or a rubric that stops the server at start is reported in one plain message (the key, or every
/// file:line) with exit code 2, not as an unhandled exception and its stack trace. Only an exception nothing caught
/// is turned into the message: a host in a test still sees the exception itself.
/// </summary>
public static class ServerStart
{
    public const int BadConfiguration = 2;

    public static void ReportBadConfigurationPlainly() =>
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (Explain(e.ExceptionObject) is not { } message) return;
            Console.Error.WriteLine(message);
            Environment.Exit(BadConfiguration);
        };

    public static string? Explain(object failure) => failure switch
    {
        OptionsValidationException e => $"The server cannot start: {string.Join(" ", e.Failures)}",
        RubricValidationException e => string.Join(Environment.NewLine, e.Errors.Select(r => r.ToString()).Prepend("The server cannot start: the rubrics have errors.")),
        AggregateException { InnerExceptions: [var inner] } => Explain(inner),
        _ => null,
    };
}
