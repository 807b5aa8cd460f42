using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Evaluator.Ai;

/// <summary>Bytes received so far of one download; Total is null when the server sends no length.</summary>
public sealed record PullProgress(string File, long Received, long? Total);

/// <summary>
/// Downloads a model's files, checks each SHA-256 while streaming, unpacks .tar.gz archives (keeping only
/// model.onnx and vocab.txt), and installs them into ModelsPath/&lt;name&gt;. Nothing is installed from a
/// download whose hash does not match.
/// </summary>
public sealed class ModelPuller(HttpClient http)
{
    private static readonly string[] Wanted = ["model.onnx", "vocab.txt"];

    /// <summary>Returns the folder the model now lives in.</summary>
    public async Task<string> PullAsync(string name, OnnxOptions options, IProgress<PullProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var sources = ModelCatalog.Sources(name, options)
            ?? throw new ModelPullException($"Unknown model '{name}'. Known models: {string.Join(", ", ModelCatalog.Names)}.");
        var target = Path.GetFullPath(Path.Combine(options.ModelsPath, name));
        var staging = target + ".part-" + Environment.ProcessId;
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var source in sources)
            {
                var file = Path.Combine(staging, "download-" + Path.GetRandomFileName());
                await DownloadAsync(source, file, progress, cancellationToken).ConfigureAwait(false);
                if (string.IsNullOrWhiteSpace(source.FileName)) await ExtractAsync(file, staging, cancellationToken).ConfigureAwait(false);
                else File.Move(file, Path.Combine(staging, Path.GetFileName(source.FileName)), overwrite: true);
                File.Delete(file);
            }
            foreach (var wanted in Wanted)
                if (!File.Exists(Path.Combine(staging, wanted)))
                    throw new ModelPullException($"The download for '{name}' holds no {wanted}.");

            Directory.CreateDirectory(target);
            foreach (var wanted in Wanted)
                File.Move(Path.Combine(staging, wanted), Path.Combine(target, wanted), overwrite: true);
            return target;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private async Task DownloadAsync(ModelDownload source, string file, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(source.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new ModelPullException($"Downloading {source.Url} failed: {(int)response.StatusCode} {response.ReasonPhrase}.");
        var total = response.Content.Headers.ContentLength;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var output = File.Create(file);
            await using (output.ConfigureAwait(false))
            {
                var buffer = new byte[81920];
                long received = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    received += read;
                    progress?.Report(new PullProgress(source.Url, received, total));
                }
            }
        }
        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (!string.Equals(actual, source.Sha256.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new ModelPullException($"SHA-256 mismatch for {source.Url}: expected {source.Sha256}, got {actual}. Nothing was installed.");
    }

    /// <summary>Keeps model.onnx and vocab.txt from anywhere in the archive, by file name only (no paths from it).</summary>
    private static async Task ExtractAsync(string archive, string folder, CancellationToken cancellationToken)
    {
        var file = File.OpenRead(archive);
        await using (file.ConfigureAwait(false))
        {
            var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using (gzip.ConfigureAwait(false))
            {
                using var tar = new TarReader(gzip);
                while (await tar.GetNextEntryAsync(cancellationToken: cancellationToken).ConfigureAwait(false) is { } entry)
                {
                    var name = Path.GetFileName(entry.Name);
                    if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && Wanted.Contains(name, StringComparer.Ordinal))
                        await entry.ExtractToFileAsync(Path.Combine(folder, name), overwrite: true, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}

public sealed class ModelPullException(string message) : Exception(message);
