using ClaimReview.Web.Accounts;
using ClaimReview.Web.Auditing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimReview.Testing;

/// <summary>
/// The real app on Kestrel (a free 127.0.0.1 port) with its own SQLite file in a temp folder, deleted on dispose.
/// Settings can be added before the first request; with importSeeds the repository seeds are imported on start.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _services = [];

    public TestApp(bool importSeeds = false)
    {
        Folder = Directory.CreateTempSubdirectory("claimreview-test-").FullName;
        DatabasePath = Path.Combine(Folder, "claimreview.db");
        LogFile = Path.Combine(Folder, "logs", "claimreview-.log");
        _settings["ClaimReview:Database"] = DatabasePath;
        _settings["ClaimReview:LogFile"] = LogFile;
        _settings["ClaimReview:ImportSeedsOnFirstRun"] = importSeeds ? "true" : "false";
        _settings["ClaimReview:SeedsDirectory"] = RepositoryPaths.Seeds;
        _settings["ClaimReview:UploadsDirectory"] = Path.Combine(Folder, "uploads");
        // Tests sign in many times from one address as the same few accounts; the tests of the limits set them back.
        _settings["ClaimReview:SignInAttemptsPerClient"] = "10000";
        _settings["ClaimReview:SignInAttemptsPerAccount"] = "10000";
        UseKestrel();
    }

    public string Folder { get; }
    public string DatabasePath { get; }
    public string LogFile { get; }

    public TestApp With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Changes the app's services before it starts (after the app's own registrations).</summary>
    public TestApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>The server's base address, e.g. http://127.0.0.1:41234/ (starts the server).</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        }
    }

    /// <summary>An HttpClient over real HTTP that does not follow redirects and keeps cookies.</summary>
    public HttpClient CreateHttpClient()
    {
        // A plain socket client: the factory's own client follows redirects on a Kestrel server whatever its options say.
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };
    }

    /// <summary>The password of every user the tests create (test-only; the app has no default password).</summary>
    public const string Password = "correct horse battery staple";

    /// <summary>Adds a user (if missing) through the same service the CLI uses. The e-mail defaults to role@example.test.</summary>
    public async Task<string> EnsureUserAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}@example.test";
        StartServer();
        await using var scope = Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        admin.ActAs(new ChangeAuthor(null, "test-setup"));
        if ((await admin.ListAsync()).All(u => u.Email != email))
        {
            var result = await admin.AddAsync(email, Password, role);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(result.Message);
            }
        }
        return email;
    }

    /// <summary>A client signed in through the real sign-in form as a user with <paramref name="role"/>.</summary>
    public async Task<HttpClient> SignInAsync(string role, string? email = null)
    {
        email = await EnsureUserAsync(role, email);
        var client = CreateHttpClient();
        var response = await client.PostFormAsync("/account/signin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown; the OS temp cleaner gets it.
        }
    }
}
