namespace ClaimReview.Web.Accounts;

/// <summary>Marks a page whose POST checks a password: <see cref="SignInLimits"/> limits its attempts per client and per account.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PasswordAttemptAttribute : Attribute;
