using System.Globalization;
using System.Text;

namespace ClaimReview.Bench;

/// <summary>
/// Writes a deterministic corpus of synthetic news articles (3-9 KB each) about invented and real groups, places,
/// people and outlets, with page chrome, attributed claims, denials, events with dates and tolls, so the importer
/// runs every rule. The same seed gives the same files.
/// </summary>
public static class CorpusGenerator
{
    private static readonly string[] Groups = ["Islamic State", "al-Shabaab", "Boko Haram", "the Northern Liberation Front", "the Sahel Brigade of the Faithful", "Jamaat ul-Ahrar", "the Eastern Mountain Army", "the Coastal Resistance Movement"];
    private static readonly string[] Arms = ["Amaq News Agency", "the Al-Kataib media foundation", "the Dawn Media Agency", "the Voice of the Mountains Agency"];
    private static readonly string[] Outlets = ["Daily Meridian", "The Frontier Post Online", "Harbour Times", "Continental Wire", "The Evening Ledger", "Northern Herald"];
    private static readonly string[] First = ["Amina", "Tomas", "Farid", "Leila", "Jonas", "Priya", "Kwame", "Sofia", "Idris", "Maren", "Yusuf", "Elena"];
    private static readonly string[] Last = ["Okonkwo", "Varga", "Haddad", "Lindqvist", "Mensah", "Rahimi", "Castell", "Dubois", "Nakamura", "Petrov", "Adeyemi", "Quinn"];
    private static readonly string[] Institutes = ["Centre for Conflict Monitoring", "Institute for Security Analysis", "Horizon Research Group", "Council on Regional Stability"];
    private static readonly (string Town, string District, string Region, string Country)[] Places =
    [
        ("Kalvoro", "Mirath", "Upper Tessa", "Nigeria"), ("Ondaka", "Belhu", "Lower Sahra", "Mali"), ("Qarsan", "Duhal", "Jubaland", "Somalia"),
        ("Tiraz", "Koshan", "Nangarhar", "Afghanistan"), ("Marabel", "Sentu", "Borno", "Nigeria"), ("Vesk", "Arden", "Sinai", "Egypt"),
        ("Peshtal", "Quram", "Baluchistan", "Pakistan"), ("Doruma", "Ituri", "Ituri", "Democratic Republic of the Congo"),
    ];
    private static readonly string[] Attacks = ["suicide bombing", "attack", "ambush", "roadside bombing", "raid", "clash"];
    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Tolls = ["at least {0}", "more than {0}", "nearly {0}", "{0}", "up to {0}"];
    private static readonly string[] Chrome =
    [
        "Share this article", "ADVERTISEMENT", "Skip to content", "Breaking News", "Live TV", "Subscribe to our newsletter for the latest updates",
        "XS\nSM\nMD\nLG", "Related: More coverage from the region", "Follow us on social media",
    ];
    private static readonly string[] Filler =
    [
        "Residents described a tense atmosphere in the days that followed, with markets closing early and checkpoints appearing on the main roads.",
        "The region has seen a rise in violence over the past two years, as rival factions compete for recruits, territory and smuggling routes.",
        "Humanitarian agencies have warned that thousands of families have been displaced and that access to clinics remains severely limited.",
        "Analysts note that the group has used such statements before to exaggerate its reach, and that independent verification is rarely possible.",
        "Local elders called for calm and urged young people not to be drawn into the cycle of reprisals that has scarred the area for a decade.",
        "Security forces have announced a series of operations in the surrounding districts, though officials released few details about their scope.",
    ];

    public static IReadOnlyList<string> Generate(string folder, int count, int seed = 2019)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var files = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"gen_{i:D5}.txt");
            File.WriteAllText(path, Article(random), new UTF8Encoding(false));
            files.Add(path);
        }
        return files;
    }

    public static string Article(Random random)
    {
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        var group = Pick(Groups);
        var arm = Pick(Arms);
        var outlet = Pick(Outlets);
        var place = Pick(Places);
        var attack = Pick(Attacks);
        var day = Pick(Weekdays);
        var published = new DateOnly(2018, 1, 1).AddDays(random.Next(0, 2000));
        var killed = random.Next(2, 300);
        var toll = string.Format(CultureInfo.InvariantCulture, Pick(Tolls), killed);
        var analyst = $"{Pick(First)} {Pick(Last)}";
        var spokesman = $"{Pick(First)} {Pick(Last)}";
        var institute = Pick(Institutes);
        var Group = char.ToUpperInvariant(group[0]) + group[1..];

        var text = new StringBuilder(8192);
        if (random.Next(2) == 0)
        {
            text.Append(Pick(Chrome)).Append("\n\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"{Group} claims deadly {attack} in {place.Town} as officials dispute toll\n\n");
        text.Append(outlet).Append("\n\n");
        text.Append(published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{place.Town.ToUpperInvariant()}: {Group} claimed responsibility on {day} for a {attack} in the town of {place.Town} in {place.District} district of {place.Region} that killed {toll} people, in a statement carried by {arm}.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"The statement said fighters had targeted soldiers and police at a checkpoint, and claimed that the group now controls several villages around {place.Town}.\n\n");
        text.Append(Pick(Chrome)).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Police in {place.Region} dismissed the claim as \"pure propaganda\", saying the attackers had been repelled and that {random.Next(1, 20)} members of the security forces were wounded.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"\"The group wants to appear stronger than it is, but it should not be ignored,\" said {analyst}, director of the {institute}, which tracks armed groups in the region.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"A military spokesman, {spokesman}, said operations in {place.District} would continue until the area was secure.\n\n");
        var paragraphs = random.Next(4, 20);
        for (var p = 0; p < paragraphs; p++)
        {
            text.Append(Pick(Filler)).Append(' ').Append(Pick(Filler)).Append("\n\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"Last month, {group} also claimed an attack on a market in {Pick(Places).Town} that killed {random.Next(2, 60)} people.\n\n");
        var caption = $"FILE - Soldiers patrol a road near {place.Town}, {place.Region}, {published.AddDays(-random.Next(1, 60)).ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}.";
        text.Append(caption).Append('\n').Append(caption).Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Dear reader, independent journalism at {outlet} depends on you. Subscribe today.\n");
        return text.ToString();
    }
}
