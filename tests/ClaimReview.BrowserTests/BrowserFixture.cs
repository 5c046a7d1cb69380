using ClaimReview.Testing;
using Microsoft.Playwright;

namespace ClaimReview.BrowserTests;

/// <summary>
/// One Debian Chromium per test class (headless, a fresh temp profile per launch, no background networking) driving the app
/// on a real Kestrel port. Screenshots go to TestResults/screenshots; a failing test also keeps a trace.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(
        Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {executable}. Install it with 'apt-get install -y chromium' (the README's test command does this) or set CHROMIUM_PATH.");
        }
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Playwright?.Dispose();
    }

    /// <summary>
    /// A fresh browser context on <paramref name="app"/>, tracing so a failure can be replayed, signed in through the
    /// sign-in form as a user with <paramref name="role"/> (null: stay anonymous).
    /// </summary>
    public async Task<IPage> OpenAsync(TestApp app, ViewportSize? viewport = null, bool javaScript = true, string? role = Web.Accounts.Roles.Analyst)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1366, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
        await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = true, Snapshots = true });
        var page = await context.NewPageAsync();
        if (role is not null)
        {
            await SignInAsync(page, await app.EnsureUserAsync(role));
        }
        return page;
    }

    /// <summary>Signs in through the form, as a person would, and waits for the overview.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/signin");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/signin", StringComparison.Ordinal));
    }

    /// <summary>Saves a full-page screenshot of the current state under <paramref name="name"/>.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });

    /// <summary>Saves a screenshot (always) and, when <paramref name="failed"/>, the trace, named after the test.</summary>
    public static async Task SaveArtifactsAsync(IPage page, string name, bool failed)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsDirectory, name + ".png"), FullPage = true });
        await page.Context.Tracing.StopAsync(new TracingStopOptions { Path = failed ? Path.Combine(ArtifactsDirectory, name + ".trace.zip") : null });
        await page.Context.CloseAsync();
    }
}
