using System.Security.Cryptography;
using System.Text;

namespace ClaimReview.Web.Exporting;

/// <summary>
/// Deterministic STIX identifiers: <c>type--UUIDv5</c> (RFC 9562, SHA-1 name-based) of a stable key under one fixed
/// namespace, so the same record gets the same id in every export and bundles from two exports merge cleanly.
/// </summary>
public static class StixIds
{
    /// <summary>ClaimReview's namespace for name-based UUIDs (fixed forever: changing it changes every exported id).</summary>
    public static readonly Guid Namespace = new("5d0c7e2a-3b61-4f0e-9a4c-8f2b1d6e7c30");

    public static string For(string type, string key) => $"{type}--{UuidV5(Namespace, key)}";

    public static Guid UuidV5(Guid @namespace, string name)
    {
        var namespaceBytes = @namespace.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 UUIDs; no security depends on it.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
