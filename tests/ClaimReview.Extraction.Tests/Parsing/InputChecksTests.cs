using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Tests.Parsing;

/// <summary>Junk that decodes as text is imported with a warning, and control characters never reach a title or a name.</summary>
public class InputChecksTests
{
    private const string Body = "Fighters attacked a police post on Friday, officials said. The group later claimed the attack in a statement.\n";

    public static TheoryData<string, string, string> Junk() => new()
    {
        { "title only", "A headline with nothing under it\n", "no body" },
        { "JSON", "{\"title\": \"A headline\", \"body\": \"Fighters attacked a police post\", \"tags\": [\"a\", \"b\"]}\n", "looks like JSON" },
        { "HTML", "<!DOCTYPE html>\n<html><head><title>A headline</title></head><body><p>Fighters attacked a police post.</p></body></html>\n", "looks like HTML" },
        { "HTML fragment", "A headline\n\n" + string.Concat(Enumerable.Repeat("<div class=\"x\"><span>Fighters attacked</span></div>\n", 20)), "looks like HTML" },
        { "a title and one letter", "A headline\n\n" + new string('a', 100_000) + "\n", "one character repeated: 'a' 100,000 times in a row" },
        { "one letter spaced", "A headline\n\n" + string.Join(' ', Enumerable.Repeat("xxxxxxxx", 200)) + "\n", "one character repeated: 'x'" },
    };

    [Theory]
    [MemberData(nameof(Junk))]
    public void Junk_input_is_extracted_with_a_warning_that_names_it(string shape, string text, string warning)
    {
        var result = TestData.Extractor.Extract(text);

        var warnings = result.Extraction?.Warnings ?? [];
        Assert.True(warnings.Any(w => w.Contains(warning, StringComparison.Ordinal)), $"{shape}: [{string.Join("; ", warnings)}] {result.Error?.Message}");
    }

    [Theory]
    [InlineData("Fighters \u0007attack\u0001 a police post\u202E in the north")]
    [InlineData("\u200BFighters attack a police post\u0085 in the north\u0000")]
    public void Control_characters_are_cleaned_from_the_title(string title)
    {
        var x = TestData.Extract(title + "\n\n" + Body);

        Assert.Equal("Fighters attack a police post in the north", x.Article.Title);
    }

    [Fact]
    public void Control_characters_are_cleaned_from_actor_names()
    {
        var x = TestData.Extract("Attack on a police post in the north\n\nThe Northern\u0007 Liberation Front claimed the attack, said Amaq\u202E News Agency. " + Body);

        Assert.All(x.Actors, a => Assert.DoesNotContain(a.Name.Concat(a.Aliases.SelectMany(s => s)), c => char.IsControl(c) || c is '\u202E'));
    }

    [Theory]
    [InlineData("Plain words stay as they are", "Plain words stay as they are")]
    [InlineData("  Tab\tand\r\nbreaks  ", "Tab and breaks")]
    [InlineData("\u0001\u0002", "")]
    [InlineData("Isolates \u2066x\u2069 and zero\u200Bwidth", "Isolates x and zerowidth")]
    public void Clean_keeps_the_words_and_drops_the_controls(string text, string expected) =>
        Assert.Equal(expected, InputChecks.Clean(text));
}
