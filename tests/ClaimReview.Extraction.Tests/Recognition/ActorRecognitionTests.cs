using ClaimReview.Extraction.Recognition;

namespace ClaimReview.Extraction.Tests.Recognition;

public class ActorRecognitionTests
{
    [Theory]
    [InlineData("the group IS claimed it", "IS", "islamic-state")]
    [InlineData("ISIL fighters moved in", "ISIL", "islamic-state")]
    [InlineData("Daesh fighters moved in", "Daesh", "islamic-state")]
    [InlineData("Isis fighters moved in", "Isis", "islamic-state")]
    [InlineData("the so-called Wilayat-ul-Hind branch", "Wilayat-ul-Hind", "hind-province")]
    [InlineData("the so-called Wilayat ul Hind branch", "Wilayat ul Hind", "hind-province")]
    [InlineData("the India Province of the group", "India Province", "hind-province")]
    [InlineData("the SITE Intel Group report", "SITE Intel Group", "site-intelligence-group")]
    [InlineData("a former ISKP commander", "ISKP", "khorasan-province")]
    [InlineData("IS’s Amaq News Agency said", "Amaq News Agency", "amaq-news-agency")]
    [InlineData("militants of al-Qaida moved", "al-Qaida", "al-qaeda")]
    public void Alias_is_matched_to_its_actor(string phrase, string surface, string key)
    {
        var extraction = TestData.Extract(Article(phrase));
        Assert.Contains(extraction.Mentions, m => m.Text == surface && m.ActorKey == key);
    }

    [Theory]
    [InlineData("this is the end of it")]
    [InlineData("what isis means in Greek")]
    [InlineData("THIS IS A LINE WRITTEN IN CAPITAL LETTERS FOR EMPHASIS")]
    public void Lowercase_words_and_capitals_lines_are_not_the_group(string phrase)
    {
        var extraction = TestData.Extract(Article(phrase));
        Assert.DoesNotContain(extraction.Mentions, m => m.ActorKey == "islamic-state");
    }

    [Fact]
    public void Islamic_state_aliases_across_the_seeds_are_one_actor()
    {
        var surfaces = TestData.Seeds.Values.SelectMany(x => x.Mentions).Where(m => m.ActorKey == "islamic-state").Select(m => m.Text).ToHashSet();
        Assert.Superset(new HashSet<string> { "Islamic State", "ISIS", "IS", "Isis", "ISIL", "Isil", "Daesh" }, surfaces);
    }

    [Fact]
    public void Site_intel_group_is_site_intelligence_group()
    {
        Assert.Contains(TestData.Seeds["000"].Mentions, m => m.Text == "SITE Intel Group" && m.ActorKey == "site-intelligence-group");
        Assert.Contains(TestData.Seeds["004"].Mentions, m => m.Text == "SITE Intelligence Group" && m.ActorKey == "site-intelligence-group");
    }

    [Fact]
    public void Hind_province_spellings_are_one_branch_of_the_islamic_state()
    {
        var surfaces = TestData.Seeds.Values.SelectMany(x => x.Mentions).Where(m => m.ActorKey == "hind-province").Select(m => m.Text).ToHashSet();
        Assert.Superset(new HashSet<string> { "Wilayah of Hind", "Wilayat al-Hind", "Wilayat-ul-Hind", "Hind Province", "India Province" }, surfaces);
        Assert.All(TestData.Seeds.Values.SelectMany(x => x.Actors).Where(a => a.Key == "hind-province"), a =>
        {
            Assert.Equal("islamic-state", a.ParentKey);
            Assert.Equal(ActorKind.GroupBranch, a.Kind);
        });
    }

    [Fact]
    public void People_named_only_in_the_text_are_discovered_and_linked_by_surname()
    {
        var katz = TestData.Seeds["000"].Actors.Single(a => a.Key == "rita-katz");
        Assert.Equal(ActorKind.Person, katz.Kind);
        Assert.False(katz.FromLexicon);
        Assert.Contains(TestData.Seeds["000"].Mentions, m => m.Text == "Katz" && m.ActorKey == "rita-katz");
        Assert.Contains(TestData.Seeds["002"].Mentions, m => m.Text == "Modi" && m.ActorKey == "narendra-modi");
        Assert.Contains(TestData.Seeds["003"].Mentions, m => m.Text == "Ishfaq" && m.ActorKey == "ishfaq-ahmad-sofi");
    }

    [Fact]
    public void Alias_introduced_with_alias_belongs_to_the_person()
    {
        var sofi = TestData.Seeds["003"].Actors.Single(a => a.Key == "ishfaq-ahmad-sofi");
        Assert.Contains("Abdulla bhai", sofi.Aliases);
    }

    [Fact]
    public void Organisation_with_an_acronym_is_discovered_with_both_names()
    {
        var pips = TestData.Seeds["004"].Actors.Single(a => a.Key == "pakistan-institute-for-peace-and-studies");
        Assert.Equal(ActorKind.ThinkTank, pips.Kind);
        Assert.Contains(TestData.Seeds["004"].Mentions, m => m.Text == "PIPS" && m.ActorKey == pips.Key);
    }

    [Fact]
    public void Lexicon_holds_world_knowledge_only()
    {
        var names = DefaultLexicon.Load().SelectMany(e => e.Aliases).ToHashSet();
        Assert.DoesNotContain("Ishfaq Ahmad Sofi", names);
        Assert.DoesNotContain("Rita Katz", names);
        Assert.DoesNotContain("Zakir Moosa", names);
        Assert.Contains("Wilayat al-Hind", names);
    }

    [Fact]
    public void Lexicon_parses_kinds_parents_and_areas_from_tsv()
    {
        var entries = DefaultLexicon.Parse(new StringReader("# comment\nX Front\tarmed_group\tXF|X-Front\nX Front North\tgroup_branch\tXFN\tX Front\tChad|Niger\n"));
        Assert.Equal(2, entries.Count);
        Assert.Equal(["X Front", "XF", "X-Front"], entries[0].Aliases);
        Assert.Equal(ActorKind.GroupBranch, entries[1].Kind);
        Assert.Equal("X Front", entries[1].ParentName);
        Assert.Equal(["Chad", "Niger"], entries[1].Areas!);
        Assert.Throws<FormatException>(() => DefaultLexicon.Parse(new StringReader("Y\tno_such_kind\n")));
    }

    [Theory]
    [InlineData("Islamic State", "islamic-state")]
    [InlineData("Jama'at Nusrat al-Islam wal-Muslimin", "jamaat-nusrat-al-islam-wal-muslimin")]
    [InlineData("Salif Ouédraogo", "salif-ouedraogo")]
    [InlineData("  SITE  Intel Group ", "site-intel-group")]
    public void Actor_keys_are_stable_slugs(string name, string key) => Assert.Equal(key, ActorKeys.For(name));

    [Fact]
    public void Mentions_are_only_in_title_and_body_with_exact_offsets()
    {
        foreach (var (name, extraction) in TestData.Seeds)
        {
            var raw = extraction.Article.RawText;
            foreach (var mention in extraction.Mentions)
            {
                Assert.Equal(mention.Text, raw[mention.Start..mention.End]);
                Assert.DoesNotContain(extraction.Article.Boilerplate, b => mention.Start >= b.Start && mention.End <= b.End);
            }
        }
    }

    private static string Article(string phrase) =>
        $"A test headline about a statement by the militants\n\nOn Monday {phrase} in a long statement about the region.\n";
}
