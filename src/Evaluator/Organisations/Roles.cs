namespace Evaluator.Organisations;

/// <summary>
/// What a key may do. A coach grades and reads their organisation's data; an admin may also
/// change it (rubrics, webhook). Every admin permission includes the coach's.
/// </summary>
public static class Roles
{
    public const string Coach = "coach";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Coach, Admin];
}
