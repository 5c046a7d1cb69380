using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ClaimReview.Web.Accounts;

/// <summary>
/// While no admin exists, a one-time setup link lets the first admin create their account in the browser. The
/// token is random, lives only in this process (a restart makes a new one), and dies once used.
/// </summary>
public sealed class FirstRunSetup
{
    private readonly Lock _gate = new();
    private string? _token;

    /// <summary>Issues a fresh token (called at start when there is no admin).</summary>
    public string Issue()
    {
        lock (_gate)
        {
            _token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            return _token;
        }
    }

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _token is not null;
            }
        }
    }

    /// <summary>Whether <paramref name="token"/> is the live setup token (compared in constant time).</summary>
    public bool Accepts(string? token)
    {
        lock (_gate)
        {
            return Matches(token);
        }
    }

    private bool Matches(string? token) => _token is not null && token is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(_token), Encoding.UTF8.GetBytes(token));

    /// <summary>Uses the token up: true for exactly one caller holding the live token.</summary>
    public bool TryConsume(string? token)
    {
        lock (_gate)
        {
            if (!Matches(token))
            {
                return false;
            }
            _token = null;
            return true;
        }
    }

    /// <summary>Restores a consumed token when creating the admin failed, so the link can be tried again.</summary>
    public void Restore(string token)
    {
        lock (_gate)
        {
            _token ??= token;
        }
    }
}
