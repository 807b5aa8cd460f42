namespace Evaluator.Cli;

/// <summary>The CLI contract's exit codes.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int UsageOrInput = 2;
}
