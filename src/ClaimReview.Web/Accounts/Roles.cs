namespace ClaimReview.Web.Accounts;

/// <summary>
/// The three roles, each including the one before: an analyst reads everything and writes annotations; an editor
/// also gives verdicts, tags and edits records; an admin also imports and manages users.
/// </summary>
public static class Roles
{
    public const string Analyst = "Analyst";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Analyst, Editor, Admin];

    /// <summary>The role name as written (any case), or null when it is not one of the three.</summary>
    public static string? Parse(string? text) =>
        All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Authorization policies by what they allow; pages and handlers name these, never roles.</summary>
public static class Policies
{
    /// <summary>Read every page and write annotations: any signed-in user with a role (the fallback for every page).</summary>
    public const string Read = "Read";
    /// <summary>Verdicts, tags, actor, claim and event edits.</summary>
    public const string Edit = "Edit";
    /// <summary>Import, re-import, uploads, users, the global audit log.</summary>
    public const string Administer = "Administer";
}
