using System.Globalization;
using System.Runtime.CompilerServices;
using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Recognition;

/// <summary>A death toll as a range: "at least 253" is 253..null, "more than 250" 251..null, "nearly 50" null..50.</summary>
internal readonly record struct Toll(bool Mentioned, int? Min, int? Max);

/// <summary>
/// Reads the death toll and the count of wounded a sentence reports. A figure must be attached to a word of its own
/// kind: of killing for the dead ("killed 20 people", "20 people were killed", "death toll of 20", "four of its
/// soldiers died"), of injury for the wounded ("11 were wounded", "five injured passengers", "nobody was hurt"). A
/// figure attached to the other kind is not read ("left nearly 50 injured" is no death toll), and "killing or injuring
/// a number of them" asserts neither.
/// </summary>
internal static class CasualtyReader
{
    /// <summary>The largest figure read as a toll: a bigger one (or one too big to parse) is refused, and the sentence
    /// gets no figure rather than another number from it (a year, a date).</summary>
    public const int MaxToll = 10_000_000;

    private static readonly WordSet DeathWords = WordLists.Set(Vocabulary.Words("death-words"));

    private static readonly WordSet InjuryWords = WordLists.Set(Vocabulary.Words("injury-words"));

    private static readonly WordSet CountNouns = WordLists.Set(Vocabulary.Words("count-nouns"));

    private static readonly WordSet UnhurtWords = WordLists.Set(Vocabulary.Words("unhurt-words"));

    private static readonly WordMap<int> NumberWords = new(new Dictionary<string, int>
    {
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
        ["hundred"] = 100,
        ["dozen"] = 12,
    });

    /// <summary>Plural vague amounts: a lower bound only.</summary>
    private static readonly WordMap<int> VagueAmounts = new(new Dictionary<string, int>
    {
        ["dozens"] = 24,
        ["scores"] = 40,
        ["hundreds"] = 200,
        ["thousands"] = 2000,
        ["several"] = 2,
        ["many"] = 2,
        ["tens"] = 20,
    });

    /// <summary>The death toll of the sentence's tokens [start, end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Toll Read(TokenizedArticle doc, int start, int end) => Read(doc, start, end, DeathWords, InjuryWords, null);

    /// <summary>The count of wounded of the sentence's tokens [start, end).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Toll ReadWounded(TokenizedArticle doc, int start, int end) => Read(doc, start, end, InjuryWords, DeathWords, UnhurtWords);

    private static Toll Read(TokenizedArticle doc, int start, int end, WordSet own, WordSet other, WordSet? none)
    {
        var mentioned = false;
        for (var t = start; t < end; t++)
        {
            // "the crew were unhurt"
            if (none is not null && doc.Tokens[t].Kind == TokenKind.Word && none.Has(doc, t))
            {
                return new Toll(true, 0, 0);
            }

            if (doc.Tokens[t].Kind != TokenKind.Word || !own.Has(doc, t))
            {
                continue;
            }

            mentioned = true;
            // "killing or injuring a number of them", "killed or wounded": a count of both says nothing of either.
            if (((doc.Is(t + 1, "or") || doc.Is(t + 1, "and")) && other.Has(doc, t + 2)) || (doc.Is(t - 1, "or") && other.Has(doc, t - 2)))
            {
                return new Toll(true, null, null);
            }

            if (NoneLeft(doc, start, t))
            {
                return new Toll(true, 0, 0);
            }

            if (TryRight(doc, t + 1, end, other, out var toll))
            {
                return toll;
            }

            // A figure too big to be a toll is refused: no other number of the sentence (a year) stands in for it.
            if (OutOfRange(doc, t + 1, Math.Min(end, t + 5)))
            {
                return new Toll(true, null, null);
            }

            if (TryLeft(doc, start, t, other, out toll))
            {
                return toll;
            }

            if (OutOfRange(doc, Math.Max(start, t - 6), t))
            {
                return new Toll(true, null, null);
            }
        }

        return new Toll(mentioned, null, null);
    }

    private static bool TryRight(TokenizedArticle doc, int from, int end, WordSet other, out Toll toll)
    {
        toll = default;
        var t = from;
        if (doc.Is(t, "off") || doc.Is(t, "of"))
        {
            t++;
        }

        // "killed “more than 30 apostate policemen”": a figure quoted from a claim.
        if (t < end && IsQuoteMark(doc, t))
        {
            t++;
        }

        // "the death toll from the attack has risen to nine", "the toll stands at 12".
        if (doc.Is(t, "toll"))
        {
            if (!doc.Is(t + 1, "of"))
            {
                return TryRisenTo(doc, t + 1, end, other, out toll);
            }

            t += 2;
        }

        // "the killing of an IS-affiliated militant", "killed a terrorist"
        if ((doc.Is(t, "a") || doc.Is(t, "an")) && t + 1 < end && doc.IsWord(t + 1)
            && !doc.Is(t + 1, "number") && !doc.Is(t + 1, "total") && !doc.Is(t + 1, "few") && !doc.Is(t + 1, "dozen") && !doc.Is(t + 1, "further"))
        {
            toll = new Toll(true, 1, 1);
            return true;
        }

        return TryFigure(doc, t, end, other, out toll, out _);
    }

    private static bool IsTimeUnit(TokenizedArticle doc, int t) =>
        doc.Is(t, "days") || doc.Is(t, "day") || doc.Is(t, "hours") || doc.Is(t, "hour") || doc.Is(t, "weeks") || doc.Is(t, "week")
        || doc.Is(t, "months") || doc.Is(t, "month") || doc.Is(t, "years") || doc.Is(t, "year") || doc.Is(t, "minutes");

    private static bool IsQuoteMark(TokenizedArticle doc, int t) =>
        doc.IsPunct(t, '"') || doc.IsPunct(t, '\u201c') || doc.IsPunct(t, '\u201d') || doc.IsPunct(t, '\u2018') || doc.IsPunct(t, '\u2019') || doc.IsPunct(t, '\'');

    /// <summary>After "toll": a verb of rising or standing ("has risen to", "rose to", "stands at", "reached") within a
    /// short distance, then the figure.</summary>
    private static bool TryRisenTo(TokenizedArticle doc, int from, int end, WordSet other, out Toll toll)
    {
        toll = default;
        for (var t = from; t < Math.Min(end, from + 20); t++)
        {
            if (doc.Is(t, "risen") || doc.Is(t, "rose") || doc.Is(t, "climbed") || doc.Is(t, "reached") || doc.Is(t, "stands") || doc.Is(t, "stood") || doc.Is(t, "increased"))
            {
                var at = doc.Is(t + 1, "to") || doc.Is(t + 1, "at") ? t + 2 : t + 1;
                return TryFigure(doc, at, end, other, out toll, out _);
            }
        }

        return false;
    }

    /// <summary>True when a figure beside a word of killing is a number too big to be a toll ("killed 2147483648"):
    /// it is refused, and no other number of the sentence stands in for it.</summary>
    private static bool OutOfRange(TokenizedArticle doc, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (doc.Tokens[i].Kind == TokenKind.Number && NumberValue(doc, i) is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A number token's value, or null when it is not a whole number from 0 to <see cref="MaxToll"/>.</summary>
    private static int? NumberValue(TokenizedArticle doc, int t)
    {
        var digits = doc.TextOf(t).Replace(",", string.Empty, StringComparison.Ordinal);
        return !digits.Contains('.', StringComparison.Ordinal) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= MaxToll
            ? value
            : null;
    }

    private static bool TryLeft(TokenizedArticle doc, int lower, int trigger, WordSet other, out Toll toll)
    {
        toll = default;
        var t = trigger - 1;
        var limit = Math.Max(lower, trigger - 6);
        // "one crew member was lightly injured", "two were seriously wounded": the manner, then the figure.
        if (t > lower && doc.IsWord(t) && doc.TextOf(t).EndsWith("ly", StringComparison.OrdinalIgnoreCase) && doc.TextOf(t).Length > 4)
        {
            t--;
        }

        // "23 terrorists were neutralised", "nine Islamic State fighters were killed": the nouns counted, and a name
        // qualifying them, stand between the figure and the word of killing.
        var counted = false;
        while (t >= limit && doc.IsWord(t) && (CountNouns.Has(doc, t) || (counted && char.IsUpper(doc.TextOf(t)[0]))))
        {
            counted |= CountNouns.Has(doc, t);
            t--;
        }

        // "claimed that “more than 70” soldiers had been killed": the figure quoted from a claim.
        if (counted && t >= limit && IsQuoteMark(doc, t))
        {
            t--;
        }

        // "five of them were killed", "four of its soldiers died", "three of the local guards were wounded".
        if ((doc.Is(t, "them") || (counted && WordLists.Determiners.Has(doc, t))) && doc.Is(t - 1, "of"))
        {
            t -= 2;
        }
        else if (doc.IsWord(t) && WordLists.Determiners.Has(doc, t - 1) && doc.Is(t - 2, "of"))
        {
            t -= 3;
        }
        else if (doc.IsWord(t) && doc.IsWord(t - 1) && WordLists.Determiners.Has(doc, t - 2) && doc.Is(t - 3, "of"))
        {
            t -= 4;
        }

        // t is now the figure (or the last token of a compound figure).
        if (t < Math.Max(lower, trigger - 10))
        {
            return false;
        }

        for (var s = Math.Max(lower, t - 3); s <= t; s++)
        {
            if (TryFigure(doc, s, trigger, other, out toll, out var figureEnd) && figureEnd == t + 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"no one was killed", "nobody else was hurt", "no civilians were injured", "none of its 21 crew were hurt": a
    /// count of none. A figure nearer the word than the negation is the count ("no more than 5 were killed").</summary>
    private static bool NoneLeft(TokenizedArticle doc, int start, int trigger)
    {
        var figure = false;
        for (var t = trigger - 1; t >= Math.Max(start, trigger - 7); t--)
        {
            if (doc.Tokens[t].Kind == TokenKind.Number)
            {
                figure = true;
                continue;
            }

            if (!doc.IsWord(t))
            {
                return false;
            }

            if (doc.Is(t, "none") && doc.Is(t + 1, "of"))
            {
                return true;
            }

            // Close to the word only: "no group has claimed the attack that killed five" is no count of none.
            var near = trigger - t <= 3 || (trigger - t == 4 && doc.Is(t + 1, "one"));
            if (!figure && near && (doc.Is(t, "nobody") || doc.Is(t, "no") || doc.Is(t, "none")))
            {
                return !doc.Is(t + 1, "more") && !doc.Is(t + 1, "fewer") && !doc.Is(t + 1, "less");
            }
        }

        return false;
    }

    /// <summary>[qualifier] number — e.g. "at least 253", "more than 250", "nearly 50", "20", "one", "thousands of".</summary>
    private static bool TryFigure(TokenizedArticle doc, int t, int end, WordSet other, out Toll toll, out int figureEnd)
    {
        toll = default;
        figureEnd = t;
        var qualifier = Qualifier.None;
        if (doc.Is(t, "at") && doc.Is(t + 1, "least")) { qualifier = Qualifier.AtLeast; t += 2; }
        else if (doc.Is(t, "no") && doc.Is(t + 1, "fewer") && doc.Is(t + 2, "than")) { qualifier = Qualifier.AtLeast; t += 3; }
        else if (doc.Is(t, "no") && doc.Is(t + 1, "more") && doc.Is(t + 2, "than")) { qualifier = Qualifier.AtMost; t += 3; }
        else if ((doc.Is(t, "more") || doc.Is(t, "over") || doc.Is(t, "upwards")) && (doc.Is(t + 1, "than") || doc.Is(t + 1, "of"))) { qualifier = Qualifier.MoreThan; t += 2; }
        else if (doc.Is(t, "over") || doc.Is(t, "above")) { qualifier = Qualifier.MoreThan; t += 1; }
        else if (doc.Is(t, "nearly") || doc.Is(t, "almost") || doc.Is(t, "under")) { qualifier = Qualifier.AtMostBelow; t += 1; }
        else if ((doc.Is(t, "up") && doc.Is(t + 1, "to")) || (doc.Is(t, "at") && doc.Is(t + 1, "most"))) { qualifier = Qualifier.AtMost; t += 2; }
        else if (doc.Is(t, "as") && doc.Is(t + 1, "many") && doc.Is(t + 2, "as")) { qualifier = Qualifier.AtMost; t += 3; }
        else if ((doc.Is(t, "fewer") || doc.Is(t, "less")) && doc.Is(t + 1, "than")) { qualifier = Qualifier.LessThan; t += 2; }
        else if (doc.Is(t, "about") || doc.Is(t, "around") || doc.Is(t, "roughly") || doc.Is(t, "approximately") || doc.Is(t, "some") || doc.Is(t, "estimated")) { qualifier = Qualifier.About; t += 1; }
        else if (doc.Is(t, "an") && doc.Is(t + 1, "estimated")) { qualifier = Qualifier.About; t += 2; }
        else if (doc.Is(t, "a") && doc.Is(t + 1, "total") && doc.Is(t + 2, "of")) { t += 3; }

        if (t >= end)
        {
            return false;
        }

        if (VagueAmounts.TryGetValue(doc.Text(t), out var vague))
        {
            toll = new Toll(true, vague, null);
            figureEnd = t + 1;
            return true;
        }

        if (!TryNumber(doc, t, end, out var n, out figureEnd))
        {
            return false;
        }

        // "left nearly 50 injured" is no death toll, "12 killed" no count of wounded.
        if (other.Has(doc, figureEnd) || (doc.IsWord(figureEnd) && other.Has(doc, figureEnd + 1)))
        {
            return false;
        }

        // "12 dead two days later": a figure of time, not of people.
        if (IsTimeUnit(doc, figureEnd))
        {
            return false;
        }

        toll = qualifier switch
        {
            Qualifier.AtLeast => new Toll(true, n, null),
            Qualifier.MoreThan => new Toll(true, n + 1, null),
            Qualifier.AtMost or Qualifier.AtMostBelow => new Toll(true, null, n),
            Qualifier.LessThan => new Toll(true, null, n - 1),
            Qualifier.About => new Toll(true, (int)Math.Floor(n * 0.9), (int)Math.Ceiling(n * 1.1)),
            _ => new Toll(true, n, n),
        };
        return true;
    }

    private static bool TryNumber(TokenizedArticle doc, int t, int end, out int value, out int next)
    {
        value = 0;
        next = t;
        var token = doc.Tokens[t];
        if (token.Kind == TokenKind.Number)
        {
            if (NumberValue(doc, t) is not { } parsed || DateWords.TryYear(doc.TextOf(t), out _) && doc.Is(t - 1, "in"))
            {
                return false;
            }

            value = parsed;

            next = t + 1;
            return true;
        }

        if (doc.Is(t, "a") && doc.Is(t + 1, "dozen"))
        {
            value = 12;
            next = t + 2;
            return true;
        }

        if (!NumberWords.TryGetValue(doc.Text(t), out value))
        {
            return false;
        }

        next = t + 1;
        // "twenty five", "two dozen", "one hundred"
        if (next < end && NumberWords.TryGetValue(doc.Text(next), out var second))
        {
            value = second is 12 or 100 ? value * second : value + second;
            next++;
        }

        // "seven (07)": the figure in words, then in digits, as official statements write it.
        if (next + 2 < end && doc.IsPunct(next, '(') && doc.Tokens[next + 1].Kind == TokenKind.Number && NumberValue(doc, next + 1) == value && doc.IsPunct(next + 2, ')'))
        {
            next += 3;
        }

        // "one of the group's members" is one.
        return true;
    }

    private enum Qualifier
    {
        None,
        AtLeast,
        MoreThan,
        AtMost,
        AtMostBelow,
        LessThan,
        About,
    }
}
