namespace Evaluator.Cli;

/// <summary>A usage or input error the user can fix (missing file, unknown scorer): exit code 2, message only.</summary>
public sealed class CliInputException(string message) : Exception(message);
