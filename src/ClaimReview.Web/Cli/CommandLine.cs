using System.Globalization;
using ClaimReview.Web.Exporting;
using ClaimReview.Web.Filtering;
using ClaimReview.Web.Infrastructure;

namespace ClaimReview.Web.Cli;

public enum Verb
{
    Serve,
    Import,
    Export,
    User,
    Help,
}

/// <summary>What the user asked for on the command line, or why it cannot be understood.</summary>
public sealed record CommandLine(Verb Verb, IReadOnlyList<string> Paths, string? Database, string? Out, IReadOnlyList<string> HostArgs, string? Error)
{
    /// <summary>The user verb's --role value.</summary>
    public string? Role { get; init; }

    /// <summary>import --reextract: extract unchanged files again too (after alias edits, say).</summary>
    public bool Reextract { get; init; }

    /// <summary>export: the format, record kinds, filters and --history, as the export page takes them.</summary>
    public ExportRequest? Export { get; init; }

    /// <summary>The export verb's options that take a value, and the list filter each one sets.</summary>
    private static readonly Dictionary<string, Func<RecordFilter, string, RecordFilter?>> ExportFilters = new(StringComparer.Ordinal)
    {
        ["--outlet"] = (f, v) => f with { Outlet = v },
        ["--actor"] = (f, v) => Number(v) is { } n ? f with { Actor = n } : null,
        ["--claimant"] = (f, v) => Number(v) is { } n ? f with { Claimant = n } : null,
        ["--name"] = (f, v) => f with { Name = v },
        ["--actor-kind"] = (f, v) => SnakeCase.TryParse<Extraction.Recognition.ActorKind>(v, out _) ? f with { ActorKind = v } : null,
        ["--claim-kind"] = (f, v) => SnakeCase.TryParse<Extraction.Claims.ClaimKind>(v, out _) ? f with { ClaimKind = v } : null,
        ["--event-kind"] = (f, v) => SnakeCase.TryParse<Extraction.Events.EventKind>(v, out _) ? f with { EventKind = v } : null,
        ["--status"] = (f, v) => SnakeCase.TryParse<Data.ClaimStatus>(v, out _) ? f with { Status = v } : null,
        ["--tag"] = (f, v) => f with { Tag = v },
        ["--country"] = (f, v) => f with { Country = v },
        ["--from"] = (f, v) => Day(v) is { } d ? f with { From = d } : null,
        ["--to"] = (f, v) => Day(v) is { } d ? f with { To = d } : null,
    };

    public const string Usage = """
        ClaimReview: review news coverage of extremist groups' claims.

        Usage:
          ClaimReview.Web [serve] [--urls URLS] [--db FILE]   run the web app (default http://localhost:5000)
          ClaimReview.Web import [PATH...] [--db FILE]        import article files or folders (default: seeds/)
                                  [--reextract]        also extract unchanged files again; people's work is kept
          ClaimReview.Web export [--format FORMAT] [--kind KINDS] [FILTERS] [--history] [--out FILE] [--db FILE]
                                  write the records (default every one, as JSON; stdout without --out)
          ClaimReview.Web user add EMAIL --role ROLE           add a user; the password is read from standard input
          ClaimReview.Web user list                           users with their role and state
          ClaimReview.Web user set-role EMAIL --role ROLE      change a user's role
          ClaimReview.Web user disable EMAIL                   stop a user signing in (user enable EMAIL undoes it)
          ClaimReview.Web help                                this text (also --help, -h)

        Options:
          --db FILE     SQLite database file (default data/claimreview.db; or ClaimReview__Database)
          --urls URLS   addresses to listen on, e.g. http://127.0.0.1:8080 (serve only)
          --environment NAME, --contentRoot DIR   ASP.NET host settings (serve only)
          --Section:Key=VALUE   any configuration value, e.g. --ClaimReview:MaxArticleBytes=1000000
          --out FILE    where export writes (export only)
          --format F    json (default), csv, stix (STIX 2.1 bundle), claimreview (schema.org JSON-LD),
                        annotations (W3C Web Annotation JSON-LD)
          --kind KINDS  articles, actors, claims, reports, events, discrepancies (comma-separated; csv takes one)
          --history     json only: add every exported record's history
          FILTERS       the list pages' filters: --outlet NAME, --actor ID (articles mentioning it), --name TEXT,
                        --actor-kind K, --claim-kind K, --event-kind K, --status S, --claimant ID, --tag NAME,
                        --country NAME, --from YYYY-MM-DD, --to YYYY-MM-DD
          --role ROLE   Analyst (read, annotate), Editor (+ verdicts, tags, edits) or Admin (+ import, users)

        With dotnet run, put the verb after --:  dotnet run --project src/ClaimReview.Web -- import seeds/
        """;

    private static readonly Dictionary<string, Verb> Verbs = new(StringComparer.Ordinal)
    {
        ["serve"] = Verb.Serve,
        ["import"] = Verb.Import,
        ["export"] = Verb.Export,
        ["user"] = Verb.User,
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
                return Fail($"Unknown verb '{args[0]}'. Verbs: serve, import, export, user, help.");
            }
            index = 1;
        }

        var paths = new List<string>();
        string? database = null, output = null, role = null;
        var reextract = false;
        var hostArgs = new List<string>();
        var exportFormat = ExportFormat.Json;
        var exportKinds = new HashSet<RecordKind>();
        var exportFilter = RecordFilter.None;
        var history = false;
        for (; index < args.Count; index++)
        {
            var arg = args[index];
            var (name, inlineValue) = SplitOption(arg);
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    return new CommandLine(Verb.Help, [], null, null, [], null);
                case "--reextract" when verb == Verb.Import && inlineValue is null:
                    reextract = true;
                    break;
                case "--history" when verb == Verb.Export && inlineValue is null:
                    history = true;
                    break;
                case "--format" or "--kind" when verb == Verb.Export:
                case var filterName when verb == Verb.Export && ExportFilters.ContainsKey(filterName):
                    var exportValue = inlineValue ?? (index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal) ? args[++index] : null);
                    if (string.IsNullOrWhiteSpace(exportValue))
                    {
                        return Fail($"Option {name} needs a value.");
                    }
                    if (name == "--format")
                    {
                        if (!Enum.TryParse(exportValue, ignoreCase: true, out exportFormat) || !exportValue.All(char.IsAsciiLetterLower))
                        {
                            return Fail($"Unknown format '{exportValue}'. Formats: json, csv, stix, claimreview, annotations.");
                        }
                    }
                    else if (name == "--kind")
                    {
                        foreach (var part in exportValue.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            if (!SnakeCase.TryParse<RecordKind>(part, out var kind))
                            {
                                return Fail($"Unknown record kind '{part}'. Kinds: articles, actors, claims, reports, events, discrepancies.");
                            }
                            exportKinds.Add(kind);
                        }
                    }
                    else if (ExportFilters[name](exportFilter, exportValue) is { } narrowed)
                    {
                        exportFilter = narrowed;
                    }
                    else
                    {
                        return Fail($"Option {name} does not take '{exportValue}'.");
                    }
                    break;
                case "--db":
                case "--out" when verb == Verb.Export:
                case "--role" when verb == Verb.User:
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
                    else if (name == "--role")
                    {
                        role = value;
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
                    if (verb is not (Verb.Import or Verb.User))
                    {
                        return Fail($"Unexpected argument '{arg}' for '{Name(verb)}'.");
                    }
                    paths.Add(arg);
                    break;
            }
        }
        if (verb == Verb.User && UserError(paths, role) is { } userError)
        {
            return Fail(userError);
        }
        if (verb == Verb.Export && ExportError(exportFormat, exportKinds, history) is { } exportError)
        {
            return Fail(exportError);
        }
        return new CommandLine(verb, paths, database, output, hostArgs, null)
        {
            Role = role,
            Reextract = reextract,
            Export = verb == Verb.Export ? new ExportRequest(exportFormat, exportKinds, exportFilter, history) : null,
        };
    }

    /// <summary>What is wrong with a user command's arguments, or null.</summary>
    private static string? UserError(List<string> arguments, string? role) => arguments switch
    {
        [] => "user needs an action: add, list, set-role, disable or enable.",
        ["list"] => role is null ? null : "user list takes no --role.",
        ["add" or "set-role", _] => role is null ? $"user {arguments[0]} needs --role Analyst|Editor|Admin." : null,
        ["disable" or "enable", _] => role is null ? null : $"user {arguments[0]} takes no --role.",
        ["add" or "set-role" or "disable" or "enable"] => $"user {arguments[0]} needs an e-mail address.",
        // Not echoed: an extra argument is likely a password typed on the command line.
        ["add" or "set-role" or "disable" or "enable" or "list", ..] => $"Too many arguments for 'user {arguments[0]}'. The password is read from standard input, never from the command line.",
        _ => $"Unknown user action '{arguments[0]}'. Actions: add, list, set-role, disable, enable.",
    };

    private static string? ExportError(ExportFormat format, HashSet<RecordKind> kinds, bool history) => format switch
    {
        ExportFormat.Csv when kinds.Count != 1 => "A CSV holds one record kind: add --kind articles, actors, claims, reports, events or discrepancies.",
        not ExportFormat.Json when history => "--history goes with --format json.",
        ExportFormat.Json or ExportFormat.Stix or ExportFormat.Annotations when kinds.Contains(RecordKind.Reports) =>
            "Reports are exported as CSV (--format csv --kind reports); the other formats carry them inside claims.",
        _ => null,
    };

    private static long? Number(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateOnly? Day(string text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

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
