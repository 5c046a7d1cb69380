using System.Globalization;
using System.Text;

namespace ClaimReview.Extraction.Recognition;

/// <summary>Stable keys from canonical names: "Islamic State" → "islamic-state", "Wāli" → "wali", "Jama'at" → "jamaat".</summary>
public static class ActorKeys
{
    public static string For(string canonicalName)
    {
        ArgumentNullException.ThrowIfNull(canonicalName);
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
}
