using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClaimReview.Web.Infrastructure;

/// <summary>
/// The query keys a page can read, so the page cache varies by those and nothing else: a query string the page
/// ignores (<c>?utm=…</c>, a cache-buster) is not a new cache entry. Taken from the page itself: its bound properties
/// (with the properties of a bound object, which bind without their prefix too), its handlers' parameters, the
/// <c>handler</c> key, and the keys it declares with <see cref="ReadsQueryAttribute"/> when it reads the query by hand.
/// Over-inclusion only costs cache entries; a key a page reads but does not declare would serve one page for another,
/// so a page reading <c>Request.Query</c> must carry the attribute.
/// </summary>
public static class PageQueryKeys
{
    private static readonly ConditionalWeakTable<CompiledPageActionDescriptor, FrozenSet<string>> Known = [];

    /// <summary>The request's query keys that its page may read, lower-case and sorted; null when the endpoint is not a page.</summary>
    public static string[]? Of(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not { } page)
        {
            return null;
        }
        var names = Known.GetValue(page, p => Collect(p, p.EndpointMetadata.OfType<ReadsQueryAttribute>()));
        return [.. http.Request.Query.Keys.Where(k => names.Contains(Root(k))).Select(k => k.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>Every name the page may bind from the query, case-insensitive.</summary>
    public static FrozenSet<string> Collect(CompiledPageActionDescriptor page, IEnumerable<ReadsQueryAttribute> declared)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "handler" };
        foreach (var property in page.BoundProperties)
        {
            Add(names, property.BindingInfo, property.Name, property.ParameterType);
        }
        foreach (var parameter in page.HandlerMethods.SelectMany(h => h.Parameters))
        {
            Add(names, parameter.BindingInfo, parameter.Name, parameter.ParameterType);
        }
        foreach (var attribute in declared)
        {
            names.UnionWith(attribute.Keys);
        }
        return names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(HashSet<string> names, BindingInfo? binding, string name, Type type)
    {
        var source = binding?.BindingSource;
        if (type == typeof(CancellationToken) || source == BindingSource.Services || source == BindingSource.Body
            || source == BindingSource.Form || source == BindingSource.FormFile || source == BindingSource.Header || source == BindingSource.Special)
        {
            return;
        }
        names.Add(binding?.BinderModelName ?? name);
        // An object binds its properties with the prefix (Input.Email) or, when none is sent, without it (Email).
        var element = Nullable.GetUnderlyingType(type) ?? type;
        if (!IsSimple(element) && !typeof(System.Collections.IEnumerable).IsAssignableFrom(element))
        {
            foreach (var property in element.GetProperties().Where(p => p.CanWrite))
            {
                names.Add(property.Name);
            }
        }
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(DateTime)
        || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid)
        || System.ComponentModel.TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    /// <summary>"Input.Email" → "Input", "kind[0]" → "kind": the name model binding starts from.</summary>
    private static string Root(string key)
    {
        var end = key.IndexOfAny(['.', '[']);
        return end < 0 ? key : key[..end];
    }
}
