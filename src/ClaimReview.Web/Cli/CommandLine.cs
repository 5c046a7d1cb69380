namespace ClaimReview.Web.Cli;

public enum Verb
{
    Serve,
    Import,
    Export,
    Help,
}

/// <summary>What the user asked for on the command line, or why it cannot be understood.</summary>
public sealed record CommandLine(Verb Verb, IReadOnlyList<string> Paths, string? Database, string? Out, IReadOnlyList<string> HostArgs, string? Error)
{
    public const string Usage = """
        ClaimReview: review news coverage of extremist groups' claims.

        Usage:
          ClaimReview.Web [serve] [--urls URLS] [--db FILE]   run the web app (default http://localhost:5000)
          ClaimReview.Web import [PATH...] [--db FILE]        import article files or folders (default: seeds/)
          ClaimReview.Web export [--out FILE] [--db FILE]     write every record as JSON (stdout without --out)
          ClaimReview.Web help                                this text (also --help, -h)

        Options:
          --db FILE     SQLite database file (default data/claimreview.db; or ClaimReview__Database)
          --urls URLS   addresses to listen on, e.g. http://127.0.0.1:8080 (serve only)
          --environment NAME, --contentRoot DIR   ASP.NET host settings (serve only)
          --Section:Key=VALUE   any configuration value, e.g. --ClaimReview:MaxArticleBytes=1000000
          --out FILE    where export writes its JSON (export only)

        With dotnet run, put the verb after --:  dotnet run --project src/ClaimReview.Web -- import seeds/
        """;

    private static readonly Dictionary<string, Verb> Verbs = new(StringComparer.Ordinal)
    {
        ["serve"] = Verb.Serve,
        ["import"] = Verb.Import,
        ["export"] = Verb.Export,
        ["help"] = Verb.Help,
    };

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var verb = Verb.Serve;
        var index = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            if (!Verbs.TryGetValue(args[0], out verb))
            {
                return Fail($"Unknown verb '{args[0]}'. Verbs: serve, import, export, help.");
            }
            index = 1;
        }

        var paths = new List<string>();
        string? database = null, output = null;
        var hostArgs = new List<string>();
        for (; index < args.Count; index++)
        {
            var arg = args[index];
            var (name, inlineValue) = SplitOption(arg);
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    return new CommandLine(Verb.Help, [], null, null, [], null);
                case "--db":
                case "--out" when verb == Verb.Export:
                case "--urls" or "--environment" or "--contentRoot" or "--applicationName" when verb == Verb.Serve:
                    var value = inlineValue ?? (index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal) ? args[++index] : null);
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        return Fail($"Option {name} needs a value.");
                    }
                    if (name == "--db")
                    {
                        database = value;
                    }
                    else if (name == "--out")
                    {
                        output = value;
                    }
                    else
                    {
                        hostArgs.Add($"{name}={value}");
                    }
                    break;
                case var setting when inlineValue is not null && setting.Length > 2 && char.IsUpper(setting[2]):
                    // Configuration keys (--Section:Key=value) pass to the host's configuration.
                    hostArgs.Add(arg);
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        return Fail($"Unknown option '{arg}' for '{Name(verb)}'.");
                    }
                    if (verb != Verb.Import)
                    {
                        return Fail($"Unexpected argument '{arg}' for '{Name(verb)}'.");
                    }
                    paths.Add(arg);
                    break;
            }
        }
        return new CommandLine(verb, paths, database, output, hostArgs, null);
    }

    private static (string Name, string? Value) SplitOption(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            return (arg, null);
        }
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static string Name(Verb verb) => verb.ToString().ToLowerInvariant();

    private static CommandLine Fail(string message) => new(Verb.Help, [], null, null, [], message);
}
