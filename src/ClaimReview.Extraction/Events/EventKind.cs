namespace ClaimReview.Extraction.Events;

public enum EventKind
{
    ArmedClash,
    Attack,
    Bombing,
    Killing,
    Announcement,
    Designation,
    Other,
}

public enum DatePrecision
{
    Day,
    Month,
    Year,
    Range,
}

public enum ParticipantRole
{
    Perpetrator,
    Target,
    Claimant,
    Victim,
    Other,
}
