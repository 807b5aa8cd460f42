namespace Evaluator.Scoring;

/// <summary>What a text unit of the answer is, as laid out in its markdown.</summary>
public enum UnitKind
{
    Sentence,
    ListItem,
    TableRow,
    Heading,
    /// <summary>A fenced code block, kept whole.</summary>
    Code,
    /// <summary>An HTML comment: hidden when rendered, so never evidence.</summary>
    Comment,
}
