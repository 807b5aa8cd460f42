using Evaluator.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Evaluator.Tests.Browser;

/// <summary>
/// The page under test, shared by a test class: the real server as a process on 127.0.0.1 and one headless
/// Debian Chromium (apt package <c>chromium</c>) driven by Playwright. No browser is downloaded: a missing
/// /usr/bin/chromium fails the tests with the command that installs it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // The machine has no internet: these flags stop Chromium from phoning home and getting refused.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public ServerProcess Server { get; private set; } = null!;

    /// <summary>Where screenshots go: TestResults/browser under the test binaries.</summary>
    public static string OutputFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "browser");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}; install it with `sudo apt-get install chromium`.");
        Directory.CreateDirectory(OutputFolder);
        // A loaded CI machine can take seconds per step; explicit waits, never sleeps.
        Assertions.SetDefaultExpectTimeout(20_000);
        var server = ServerProcess.StartAsync();
        try
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
        finally
        {
            // Started side by side with the browser; kept (and later disposed) even when the browser fails.
            Server = await server;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Server is not null) await Server.DisposeAsync();
    }
}
