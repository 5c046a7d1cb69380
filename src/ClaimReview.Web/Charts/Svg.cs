using System.Globalization;

namespace ClaimReview.Web.Charts;

/// <summary>Numbers written into SVG attributes: invariant culture, one decimal at most, whatever the server's culture.</summary>
public static class Svg
{
    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
