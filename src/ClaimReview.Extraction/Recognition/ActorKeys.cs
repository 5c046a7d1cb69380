using System.Globalization;
using System.Text;

namespace ClaimReview.Extraction.Recognition;

/// <summary>Stable keys from canonical names: "Islamic State" → "islamic-state", "Wāli" → "wali", "Jama'at" → "jamaat".</summary>
public static class ActorKeys
{
    public static string For(string canonicalName)
    {
        ArgumentNullException.ThrowIfNull(canonicalName);
        if (canonicalName.Length <= 256 && Ascii.IsValid(canonicalName))
        {
            return ForAscii(canonicalName);
        }

        var decomposed = canonicalName.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || c is '\'' or '’' or '‘' or '`' or 'ʼ' or 'ʻ')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// What two spellings of one name share across outlets: the key without its hyphens and with doubled letters single
    /// ("ansar-ul-ahrar" and "ansarul-ahrar" → "ansarulahrar", "kallisto-carriers" and "kalisto-carriers" →
    /// "kalistocariers"). Keys from <see cref="For"/> have no diacritics already.
    /// </summary>
    public static string Skeleton(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<char> buffer = key.Length <= 256 ? stackalloc char[key.Length] : new char[key.Length];
        var length = 0;
        foreach (var c in key)
        {
            if (c != '-' && (length == 0 || buffer[length - 1] != c))
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>The same rules for plain ASCII names, without normalisation or a builder.</summary>
    private static string ForAscii(string name)
    {
        Span<char> buffer = stackalloc char[name.Length];
        var length = 0;
        var pendingDash = false;
        foreach (var c in name)
        {
            if (c is '\'' or '`')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && length > 0)
                {
                    buffer[length++] = '-';
                }

                pendingDash = false;
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else
            {
                pendingDash = true;
            }
        }

        return new string(buffer[..length]);
    }
}
