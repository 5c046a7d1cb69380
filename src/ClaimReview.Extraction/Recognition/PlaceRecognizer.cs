using System.Runtime.CompilerServices;
using ClaimReview.Extraction.Events;
using ClaimReview.Extraction.Parsing;

namespace ClaimReview.Extraction.Recognition;

internal enum PlaceLevel
{
    Town,
    District,
    Region,
    Country,
}

/// <summary>A place named in a sentence. <see cref="Weak"/> marks evidence from an adjective ("Indian forces");
/// <see cref="Holder"/> a unit named with a town noun that holds the town named before it ("X, a village in the Y
/// locality"): a district, below one named as such ("of Z territory"); <see cref="Reference"/> a town named as a point
/// of reference ("X, a village near Y", "30 km north of Y town"): the place only when no other town is named.</summary>
internal readonly record struct PlaceMention(PlaceLevel Level, string Name, string? Country, int TokenStart, int TokenEnd, bool Weak, bool Holder = false, bool Reference = false);

/// <summary>
/// Places in a sentence: countries and regions from the gazetteer (and their adjectives, as weak country evidence);
/// towns and districts from patterns: "the town/village/city of X", "X town/village/area", "X district",
/// "district of X", "in X, Pakistan", "in X", "X encounter/blast" (a place word before an event noun).
/// </summary>
internal sealed class PlaceRecognizer(Gazetteer gazetteer)
{
    private static readonly WordSet TownNouns = WordLists.Set(Vocabulary.Words("town-nouns"));

    private static readonly WordSet DistrictNouns = WordLists.Set(Vocabulary.Words("district-nouns"));

    private static readonly WordSet RegionNouns = WordLists.Set(Vocabulary.Words("region-nouns"));

    /// <summary>Regions wider than a country: not a town, not a country.</summary>
    private static readonly WordSet WideRegions = WordLists.Set(Vocabulary.Words("wide-regions"));

    private static readonly WordSet PlaceLeads = WordLists.Set(Vocabulary.Words("place-leads"));

    private static readonly WordSet EventNouns = WordLists.Set(Vocabulary.Words("event-nouns"));

    private static readonly WordSet SpeakerPlaceWords = WordLists.Set(Vocabulary.Words("speaker-place-words"));

    private static readonly WordSet AppositionLinks = WordLists.Set(Vocabulary.Words("apposition-links"));

    private static readonly WordSet Directions = WordLists.Set(Vocabulary.Words("directions"));

    /// <summary>How many lower-case words may stand between "a" and the place noun of an apposition ("a small farming village").</summary>
    private const int AppositionReach = 3;

    /// <summary>How far before a place lead a speaker word still governs it ("told a press conference at the police office in X").</summary>
    private const int SpeakerReach = 10;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Find(TokenizedArticle doc, ActorFindings actors, int start, int end, List<PlaceMention> found)
    {
        for (var t = start; t < end; t++)
        {
            if (doc.Tokens[t].Kind == TokenKind.Punct)
            {
                continue;
            }

            // Gazetteer names, unless inside a longer actor name ("Pakistan Province", "Indian Army" still gives India weakly).
            var mention = actors.MentionAt[t] >= 0 ? actors.Mentions[actors.MentionAt[t]] : default;
            var inLongActor = actors.MentionAt[t] >= 0 && mention.TokenEnd - mention.TokenStart > 1;
            if (gazetteer.Names.TryMatch(doc, t, end, out var gEnd, out var index) && !inLongActor)
            {
                var place = gazetteer.Places[index];
                // A sea or a gulf is a region of no one country.
                found.Add(new PlaceMention(place.IsCountry ? PlaceLevel.Country : PlaceLevel.Region, place.Name, place.Country.Length == 0 ? null : place.Country, t, gEnd, false));
                t = gEnd - 1;
                continue;
            }

            if (gazetteer.Adjectives.TryMatch(doc, t, end, out var aEnd, out var adjective))
            {
                var place = gazetteer.Places[adjective];
                found.Add(new PlaceMention(PlaceLevel.Country, place.Country, place.Country, t, aEnd, true));
                t = aEnd - 1;
                continue;
            }

            if (TryPattern(doc, actors, t, end, found, out var next))
            {
                t = next - 1;
            }
        }
    }

    /// <summary>The place hierarchy a sentence's mentions describe, taking the mentions nearest to
    /// <paramref name="anchor"/> (an event word) first: town, district, the country of the nearest region or country
    /// named (an adjective such as "Indian" only when nothing is named), and a region of that country.</summary>
    public static PlaceRef Combine(IReadOnlyList<PlaceMention> places, int anchor = -1)
    {
        var ordered = anchor < 0 ? places : places.OrderBy(p => Math.Min(Math.Abs(p.TokenStart - anchor), Math.Abs(p.TokenEnd - 1 - anchor))).ToList();
        string? town = null, reference = null, district = null, holder = null, region = null, country = null, weakCountry = null;
        foreach (var p in ordered)
        {
            switch (p.Level)
            {
                case PlaceLevel.Town when p.Reference:
                    reference ??= p.Name;
                    break;
                case PlaceLevel.Town:
                    town ??= p.Name;
                    break;
                case PlaceLevel.District when p.Holder:
                    holder ??= p.Name;
                    break;
                case PlaceLevel.District:
                    district ??= p.Name;
                    break;
                case PlaceLevel.Region or PlaceLevel.Country when !p.Weak:
                    country ??= p.Country;
                    break;
                default:
                    weakCountry ??= p.Country;
                    break;
            }
        }

        country ??= weakCountry;
        district ??= holder;
        town ??= reference;
        foreach (var p in ordered)
        {
            if (p.Level == PlaceLevel.Region && (p.Country == country || p.Country is null))
            {
                region = p.Name;
                break;
            }
        }

        return new PlaceRef(town, district, region, country);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryPattern(TokenizedArticle doc, ActorFindings actors, int t, int end, List<PlaceMention> found, out int next)
    {
        next = t + 1;

        // "the town of X", "district of X"
        if ((TownNouns.Has(doc, t) || DistrictNouns.Has(doc, t)) && doc.Is(t + 1, "of") && !doc.IsCapitalised(t))
        {
            var nameEnd = ReadPlaceName(doc, actors, t + 2, end);

            // "the Y locality of Z territory": Z is the territory, read as "Z territory" from its name on.
            if (nameEnd > t + 2 && nameEnd < end && (DistrictNouns.Has(doc, nameEnd) || (RegionNouns.Has(doc, nameEnd) && !doc.IsCapitalised(nameEnd))))
            {
                return false;
            }

            if (nameEnd > t + 2)
            {
                if (DistrictNouns.Has(doc, t))
                {
                    // "Mirath district of Upper Tessa": the unit that holds a named district is a region.
                    found.Add(new PlaceMention(IsPlaceWord(doc, actors, t - 1) ? PlaceLevel.Region : PlaceLevel.District, Name(doc, t + 2, nameEnd), null, t + 2, nameEnd, false));
                }
                else
                {
                    found.Add(Local(doc, found, Name(doc, t + 2, nameEnd), t + 2, nameEnd));
                }

                next = nameEnd;
                return true;
            }

            return false;
        }

        if (!IsPlaceWord(doc, actors, t))
        {
            return false;
        }

        var stop = ReadPlaceName(doc, actors, t, end);
        var after = doc.IsPunct(stop, '[') ? stop + 1 : stop;
        var name = Name(doc, t, stop);

        // "X, a village in the Y locality of Z territory", "X, a market town in Y district": the apposition says what X is;
        // "X, in the Y region", "X, in North Kivu": a name set in a unit is a town.
        if ((AppositionNoun(doc, stop, end) ?? (InUnit(doc, actors, stop, end) ? PlaceLevel.Town : null)) is { } apposed)
        {
            found.Add(new PlaceMention(apposed, name, null, t, stop, false));
            next = stop;
            return true;
        }

        if (after < end && DistrictNouns.Has(doc, after))
        {
            found.Add(new PlaceMention(PlaceLevel.District, name, null, t, stop, false));
            next = stop;
            return true;
        }

        if (after < end && TownNouns.Has(doc, after) && !doc.IsCapitalised(after))
        {
            found.Add(Local(doc, found, name, t, stop));
            next = stop;
            return true;
        }

        if (after < end && RegionNouns.Has(doc, after) && !doc.IsCapitalised(after) && PlaceLeads.Has(doc, t - 1))
        {
            found.Add(new PlaceMention(PlaceLevel.Region, name, null, t, stop, false));
            next = stop;
            return true;
        }

        // "Shopian gunfight", "Quetta blast" — but not a capitalised sentence opener ("Gunmen attack ...").
        if (after < end && EventNouns.Has(doc, after) && !doc.IsCapitalised(after) && !IsSentenceStart(doc, t))
        {
            found.Add(new PlaceMention(PlaceLevel.Town, name, null, t, stop, false));
            next = stop;
            return true;
        }

        var lead = doc.Is(t - 1, "the") ? t - 2 : t - 1;
        if (PlaceLeads.Has(doc, lead) && doc.IsWord(lead) && !IsSpeakerPlace(doc, lead))
        {
            // "in Quetta, Pakistan" names the country too; the gazetteer match that follows records it.
            found.Add(Local(doc, found, name, t, stop));
            next = stop;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The level an apposition after a name gives it: ", a village", ", a small market town", ", a district" followed
    /// by a word that links it on ("in", "near", "where", a number, punctuation). Null when none follows the name.
    /// </summary>
    private static PlaceLevel? AppositionNoun(TokenizedArticle doc, int stop, int end)
    {
        if (!doc.IsPunct(stop, ',') || !(doc.Is(stop + 1, "a") || doc.Is(stop + 1, "an")))
        {
            return null;
        }

        for (var k = stop + 2; k < end && k <= stop + 1 + AppositionReach; k++)
        {
            if (!doc.IsWord(k) || doc.IsCapitalised(k))
            {
                return null;
            }

            var town = TownNouns.Has(doc, k);
            if (!town && !DistrictNouns.Has(doc, k))
            {
                // Adjectives only: "a man in town" is no apposition of a place.
                if (AppositionLinks.Has(doc, k) || doc.Is(k, "the"))
                {
                    return null;
                }

                continue;
            }

            // The last noun of the run: "a market town in" is a town; "a town hall official" is no apposition of a place.
            if (doc.IsWord(k + 1) && !doc.IsCapitalised(k + 1) && !AppositionLinks.Has(doc, k + 1))
            {
                if (TownNouns.Has(doc, k + 1) || DistrictNouns.Has(doc, k + 1))
                {
                    continue;
                }

                return null;
            }

            return town ? PlaceLevel.Town : PlaceLevel.District;
        }

        return null;
    }

    /// <summary>A town named by a town noun or a lead ("the village of X", "X area", "in X"), or, when it holds the town
    /// named just before it, a <see cref="PlaceMention.Holder"/> district.</summary>
    private static PlaceMention Local(TokenizedArticle doc, List<PlaceMention> found, string name, int start, int end) =>
        Holds(doc, found, start) ? new PlaceMention(PlaceLevel.District, name, null, start, end, false, Holder: true)
            : new PlaceMention(PlaceLevel.Town, name, null, start, end, false, Reference: IsReference(doc, found, start));

    /// <summary>
    /// Whether the town at <paramref name="t"/> is named as a point of reference: after a direction ("north of Y", "30
    /// km west of the town of Y"), or near or outside a town just named ("X, a village near Y", "in X, outside Y").
    /// </summary>
    private static bool IsReference(TokenizedArticle doc, List<PlaceMention> found, int t)
    {
        var b = doc.Is(t - 1, "the") ? t - 2 : t - 1;
        if (doc.Is(b, "of") && TownNouns.Has(doc, b - 1))
        {
            // "west of the town of Y"
            b = doc.Is(b - 2, "the") ? b - 3 : b - 2;
        }

        if (doc.Is(b, "of") && Directions.Has(doc, b - 1))
        {
            return true;
        }

        if (!(doc.Is(b, "near") || doc.Is(b, "outside")) || found.Count == 0)
        {
            return false;
        }

        var before = found[^1];
        if (before.Level != PlaceLevel.Town || before.Reference || before.TokenEnd > b || b - before.TokenEnd > AppositionReach + 2
            || doc.SegmentOfToken[before.TokenStart] != doc.SegmentOfToken[t])
        {
            return false;
        }

        for (var k = before.TokenEnd; k < b; k++)
        {
            if (!(doc.IsPunct(k, ',') || (doc.IsWord(k) && !doc.IsCapitalised(k))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether ", in (the) Y district/province/locality" or ", in" a region of the gazetteer follows the name
    /// ending at <paramref name="stop"/>.</summary>
    private bool InUnit(TokenizedArticle doc, ActorFindings actors, int stop, int end)
    {
        if (!doc.IsPunct(stop, ',') || !doc.Is(stop + 1, "in"))
        {
            return false;
        }

        var k = doc.Is(stop + 2, "the") ? stop + 3 : stop + 2;
        if (gazetteer.Names.TryMatch(doc, k, end, out _, out var index))
        {
            return !gazetteer.Places[index].IsCountry;
        }

        var unit = ReadPlaceName(doc, actors, k, end);
        return unit > k && unit < end && !doc.IsCapitalised(unit) && (DistrictNouns.Has(doc, unit) || RegionNouns.Has(doc, unit) || TownNouns.Has(doc, unit));
    }

    /// <summary>
    /// Whether the town-level name at <paramref name="t"/> holds the town named just before it, so is a higher unit: "X,
    /// a village in the Y locality", "the village of X, in the Y locality", "X, a village of the Y locality".
    /// </summary>
    private static bool Holds(TokenizedArticle doc, List<PlaceMention> found, int t)
    {
        if (found.Count == 0)
        {
            return false;
        }

        var b = doc.Is(t - 1, "the") ? t - 2 : t - 1;
        if (!doc.Is(b, "in") && !doc.Is(b, "of"))
        {
            return false;
        }

        var inner = found[^1];
        if (inner.Level != PlaceLevel.Town || inner.TokenEnd > b || !doc.IsPunct(inner.TokenEnd, ',') || doc.SegmentOfToken[inner.TokenStart] != doc.SegmentOfToken[t])
        {
            return false;
        }

        // "X, in ..." or "X, a (small) village in ...": nothing but the apposition between the two names.
        if (inner.TokenEnd + 1 == b)
        {
            return true;
        }

        if (!(doc.Is(inner.TokenEnd + 1, "a") || doc.Is(inner.TokenEnd + 1, "an")) || b - inner.TokenEnd > AppositionReach + 2)
        {
            return false;
        }

        for (var k = inner.TokenEnd + 2; k < b; k++)
        {
            if (!doc.IsWord(k) || doc.IsCapitalised(k))
            {
                return false;
            }
        }

        return TownNouns.Has(doc, b - 1);
    }

    /// <summary>Whether the place led by <paramref name="lead"/> is where a statement was made or its author sits: a
    /// speaker word shortly before it in the same clause ("issued in", "based in", "told reporters in").</summary>
    private static bool IsSpeakerPlace(TokenizedArticle doc, int lead)
    {
        for (var b = lead - 1; b >= 0 && b >= lead - SpeakerReach; b--)
        {
            if (doc.Tokens[b].Kind == TokenKind.Punct || doc.SegmentOfToken[b] != doc.SegmentOfToken[lead])
            {
                return false;
            }

            if (SpeakerPlaceWords.Has(doc, b))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSentenceStart(TokenizedArticle doc, int t)
    {
        var previous = t - 1;
        while (previous >= 0 && doc.Tokens[previous].Kind == TokenKind.Punct && doc.Raw[doc.Tokens[previous].Start] is '"' or '“' or '‘' or '\'' or '(')
        {
            previous--;
        }

        return previous < 0 || doc.SegmentOfToken[previous] != doc.SegmentOfToken[t] || doc.IsPunct(previous, '.') || doc.IsPunct(previous, '?') || doc.IsPunct(previous, '!');
    }

    private int ReadPlaceName(TokenizedArticle doc, ActorFindings actors, int t, int end)
    {
        var s = t;
        while (s < end && s - t < 3 && IsPlaceWord(doc, actors, s))
        {
            s++;
        }

        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsPlaceWord(TokenizedArticle doc, ActorFindings actors, int t)
    {
        if (!doc.IsCapitalised(t) || actors.MentionAt[t] >= 0)
        {
            return false;
        }

        var text = doc.Text(t);
        return text.Length >= 3 && !WordLists.NotNames.Has(doc, t) && !WordLists.Titles.Has(doc, t) && !WideRegions.Has(doc, t)
            && !DateWords.IsMonth(doc, t) && !DateWords.IsWeekday(doc, t, true)
            && !gazetteer.Names.TryMatch(doc, t, t + 1, out _, out _) && !gazetteer.Adjectives.TryMatch(doc, t, t + 1, out _, out _);
    }

    private static string Name(TokenizedArticle doc, int start, int end) => doc.Slice(doc.Tokens[start].Start, doc.Tokens[end - 1].End);
}
