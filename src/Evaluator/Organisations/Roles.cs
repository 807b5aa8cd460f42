namespace Evaluator.Organisations;

/// <summary>
/// What a key may do. A coach grades and reads their organisation's data; an admin may also
/// change it (rubrics, webhook). Every admin permission includes the coach's. A candidate key is
/// the one a coach hands to the cohort (in the interview page's link): it files the candidate's live
/// interviews under the organisation and shows the organisation's cases, and reads nothing else.
/// </summary>
public static class Roles
{
    public const string Coach = "coach";
    public const string Admin = "admin";
    public const string Candidate = "candidate";

    public static readonly IReadOnlyList<string> All = [Coach, Admin, Candidate];
}
