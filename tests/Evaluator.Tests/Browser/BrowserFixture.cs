using Microsoft.Playwright;

namespace Evaluator.Tests.Browser;

/// <summary>
/// One headless Debian Chromium (apt package <c>chromium</c>) driven by Playwright, shared by a test class.
/// No browser is downloaded: a missing /usr/bin/chromium fails the tests with the command that installs it.
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

    /// <summary>Where screenshots go: TestResults/browser under the test binaries.</summary>
    public static string OutputFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "browser");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}; install it with `sudo apt-get install chromium`.");
        Directory.CreateDirectory(OutputFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
