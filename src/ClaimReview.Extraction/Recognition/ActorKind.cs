namespace ClaimReview.Extraction.Recognition;

public enum ActorKind
{
    ArmedGroup,
    GroupBranch,
    MediaArm,
    NewsOutlet,
    Person,
    GovernmentBody,
    Military,
    Police,
    PoliticalParty,
    ThinkTank,
    InternationalBody,
    Other,
}
