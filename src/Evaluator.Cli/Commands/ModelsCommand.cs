using System.CommandLine;
using Evaluator.Ai;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace Evaluator.Cli.Commands;

/// <summary>evaluator models pull all-minilm-l6-v2|bge-small-en-v1.5: pinned URL, SHA-256 check, progress bar.</summary>
public static class ModelsCommand
{
    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("name") { Description = "Model to download: " + string.Join(" or ", ModelCatalog.Names) + "." };
        var pull = new Command("pull", "Download a sentence-embedding model for the onnx scorer into Ai:Onnx:ModelsPath (default ./models).") { name };
        pull.SetAction((parse, ct) => PullAsync(cli, parse.GetRequiredValue(name), ct));
        return new Command("models", "Local ONNX models for the onnx scorer.") { pull };
    }

    private static async Task<int> PullAsync(CliContext cli, string name, CancellationToken ct)
    {
        var onnx = new OnnxOptions();
        cli.Settings.GetSection("Ai:Onnx").Bind(onnx);
        if (ModelCatalog.Sources(name, onnx) is null)
            throw new CliInputException($"Unknown model '{name}'. Known models: {string.Join(", ", ModelCatalog.Names)}.");

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(30) };
        var puller = new ModelPuller(http);
        string folder;
        try
        {
            if (cli.ErrorIsTerminal)
            {
                folder = await CliContext.ConsoleFor(cli.Error, terminal: true).Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
                    .StartAsync(async progress =>
                    {
                        var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                        var report = new Progress<PullProgress>(p =>
                        {
                            if (!tasks.TryGetValue(p.File, out var task))
                                tasks[p.File] = task = progress.AddTask(Path.GetFileName(new Uri(p.File).AbsolutePath), maxValue: p.Total ?? 1);
                            if (p.Total is null) task.IsIndeterminate = true;
                            else task.Value = p.Received;
                        });
                        return await puller.PullAsync(name, onnx, report, ct).ConfigureAwait(false);
                    }).ConfigureAwait(false);
            }
            else
            {
                await cli.Error.WriteLineAsync($"Downloading {name} ...").ConfigureAwait(false);
                folder = await puller.PullAsync(name, onnx, null, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is ModelPullException or HttpRequestException)
        {
            await cli.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.SomeFailed;
        }
        await cli.Output.WriteLineAsync($"Pulled {name} into {folder} (model.onnx, vocab.txt, SHA-256 verified).").ConfigureAwait(false);
        await cli.Output.WriteLineAsync($"Use it with Ai__Scorer=onnx Ai__Onnx__Model={name} (and Ai__Onnx__ModelsPath if not ./models).").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
