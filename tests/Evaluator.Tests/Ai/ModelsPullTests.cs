using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Evaluator.Ai;
using Evaluator.Cli;
using Evaluator.Tests.Cli;
using Evaluator.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Evaluator.Tests.Ai;

/// <summary>`evaluator models pull` against files served on 127.0.0.1, the pinned URL replaced by configuration.</summary>
public sealed class ModelsPullTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private WebApplication server = null!;
    private string baseUrl = "";

    private static byte[] ModelBytes => File.ReadAllBytes(Path.Combine(OnnxTests.TinyBert, "model.onnx"));

    private static byte[] VocabBytes => File.ReadAllBytes(Path.Combine(OnnxTests.TinyBert, "vocab.txt"));

    private string ModelsPath => Path.Combine(folder.Path, "models");

    /// <summary>An archive laid out like chroma's onnx.tar.gz: onnx/model.onnx, onnx/vocab.txt and files to ignore.</summary>
    private static byte[] Archive()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            void Add(string name, byte[] content) =>
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
            Add("onnx/config.json", "{}"u8.ToArray());
            Add("onnx/model.onnx", ModelBytes);
            Add("onnx/vocab.txt", VocabBytes);
        }
        return buffer.ToArray();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public async Task InitializeAsync()
    {
        (server, baseUrl) = await LoopbackApp.StartAsync(app =>
            app.MapGet("/{name}", (string name) => files.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound()));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => folder.Dispose();

    private Dictionary<string, string?> ArchiveSettings(string sha256) => new()
    {
        ["Ai:Onnx:ModelsPath"] = ModelsPath,
        ["Ai:Onnx:Downloads:all-minilm-l6-v2:0:Url"] = baseUrl + "/onnx.tar.gz",
        ["Ai:Onnx:Downloads:all-minilm-l6-v2:0:Sha256"] = sha256,
    };

    [Fact]
    public async Task Pull_unpacks_a_verified_archive_into_the_models_folder()
    {
        files["onnx.tar.gz"] = Archive();

        var result = await CliRun.InProcessAsync(["models", "pull", "all-minilm-l6-v2"], settings: ArchiveSettings(Sha256(files["onnx.tar.gz"])));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var installed = Path.Combine(ModelsPath, "all-minilm-l6-v2");
        Assert.Equal(ModelBytes, File.ReadAllBytes(Path.Combine(installed, "model.onnx")));
        Assert.Equal(VocabBytes, File.ReadAllBytes(Path.Combine(installed, "vocab.txt")));
        Assert.Equal(["model.onnx", "vocab.txt"], Directory.GetFiles(installed).Select(Path.GetFileName).Order());
        Assert.Contains("SHA-256 verified", result.Output, StringComparison.Ordinal);
        using var generator = OnnxEmbeddingGenerator.Create(new OnnxOptions { ModelsPath = ModelsPath });
        Assert.Single(generator.Embed(["offline metrics"]));
    }

    [Fact]
    public async Task A_download_whose_hash_does_not_match_installs_nothing()
    {
        files["onnx.tar.gz"] = Archive();

        var result = await CliRun.InProcessAsync(["models", "pull", "all-minilm-l6-v2"], settings: ArchiveSettings(new string('0', 64)));

        Assert.Equal(ExitCodes.SomeFailed, result.ExitCode);
        Assert.Contains("SHA-256 mismatch", result.Error, StringComparison.Ordinal);
        Assert.Contains(Sha256(files["onnx.tar.gz"]), result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(ModelsPath, "all-minilm-l6-v2")));
        Assert.Empty(Directory.GetFileSystemEntries(ModelsPath));
    }

    [Fact]
    public async Task Pull_fetches_plain_files_pinned_one_by_one()
    {
        files["model.onnx"] = ModelBytes;
        files["vocab.txt"] = VocabBytes;
        var settings = new Dictionary<string, string?>
        {
            ["Ai:Onnx:ModelsPath"] = ModelsPath,
            ["Ai:Onnx:Downloads:bge-small-en-v1.5:0:Url"] = baseUrl + "/model.onnx",
            ["Ai:Onnx:Downloads:bge-small-en-v1.5:0:Sha256"] = Sha256(ModelBytes),
            ["Ai:Onnx:Downloads:bge-small-en-v1.5:0:FileName"] = "model.onnx",
            ["Ai:Onnx:Downloads:bge-small-en-v1.5:1:Url"] = baseUrl + "/vocab.txt",
            ["Ai:Onnx:Downloads:bge-small-en-v1.5:1:Sha256"] = Sha256(VocabBytes).ToUpperInvariant(),
            ["Ai:Onnx:Downloads:bge-small-en-v1.5:1:FileName"] = "vocab.txt",
        };

        var result = await CliRun.InProcessAsync(["models", "pull", "bge-small-en-v1.5"], settings: settings);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.Equal(VocabBytes, File.ReadAllBytes(Path.Combine(ModelsPath, "bge-small-en-v1.5", "vocab.txt")));
    }

    [Fact]
    public async Task Progress_counts_up_to_the_size_of_the_download()
    {
        files["onnx.tar.gz"] = Archive();
        var reports = new List<PullProgress>();
        using var http = new HttpClient();
        var options = new OnnxOptions { ModelsPath = ModelsPath };
        options.Downloads["all-minilm-l6-v2"] = [new ModelDownload { Url = baseUrl + "/onnx.tar.gz", Sha256 = Sha256(files["onnx.tar.gz"]) }];

        await new ModelPuller(http).PullAsync("all-minilm-l6-v2", options, new SynchronousProgress(reports.Add));

        Assert.NotEmpty(reports);
        Assert.Equal(files["onnx.tar.gz"].Length, reports[^1].Received);
        Assert.All(reports, r => Assert.Equal(files["onnx.tar.gz"].Length, r.Total));
        Assert.Equal(reports.Select(r => r.Received).Order(), reports.Select(r => r.Received));
    }

    [Fact]
    public async Task An_unknown_model_name_is_a_usage_error_listing_the_known_ones()
    {
        var result = await CliRun.InProcessAsync(["models", "pull", "gpt-17"], settings: new Dictionary<string, string?> { ["Ai:Onnx:ModelsPath"] = ModelsPath });

        Assert.Equal(ExitCodes.UsageOrInput, result.ExitCode);
        Assert.Contains("all-minilm-l6-v2, bge-small-en-v1.5", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_works_while_the_onnx_scorer_is_configured_but_its_model_is_missing()
    {
        files["onnx.tar.gz"] = Archive();
        var settings = ArchiveSettings(Sha256(files["onnx.tar.gz"]));
        settings["Ai:Scorer"] = "onnx";

        var result = await CliRun.InProcessAsync(["models", "pull", "all-minilm-l6-v2"], settings: settings);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests want every report, in order.</summary>
    private sealed class SynchronousProgress(Action<PullProgress> report) : IProgress<PullProgress>
    {
        public void Report(PullProgress value) => report(value);
    }
}
