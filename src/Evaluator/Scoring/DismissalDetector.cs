namespace Evaluator.Scoring;

/// <summary>
/// Finds units that dismiss a whole dimension: "we don't need monitoring", "serving is out of scope",
/// "no need to monitor; it's static", "skip the data part", or "Not needed." under a Monitoring heading.
/// Negating a sub-option while naming its replacement is a design choice, not a dismissal:
/// "we don't need real-time serving; a nightly batch job is enough". Dimension names come from the
/// framework's aliases, so the rules hold for every case.
/// </summary>
internal static class DismissalDetector
{
    private const int NegationReach = 5;
    private const int TargetReachBefore = 6;
    private const int TargetReachAfter = 10;
    private const int LeadingCueReach = 3;
    private const int ShortUnit = 6;
    private const int AloneReach = 3;

    /// <summary>
    /// Per unit, the dimension index it dismisses, or -1; <paramref name="narrows"/>: per unit, the dimension one of
    /// whose parts it waves away without dismissing the dimension, or -1. Waving away one part of a dimension ("we don't need
    /// labels, clicks are the labels") narrows the design; waving away two parts in two units ("I'd skip offline
    /// metrics." ... "An A/B test isn't needed either.") dismisses the dimension, and both units with it.
    /// <paramref name="sectionParts"/>: per unit, the words of the part its heading names ("## Retraining"), or null.
    /// </summary>
    public static int[] Detect(RubricMatcher matcher, NormalizedText text, Token[] tokens, List<Segment> segments,
        UnitFeatures[] features, int[] sections, string?[] sectionParts, bool[] injected, out int[] narrows)
    {
        var result = new int[segments.Count];
        Array.Fill(result, -1);
        var parts = new int[segments.Count];
        Array.Fill(parts, -1);
        var partWords = new string?[segments.Count];
        var hits = new List<PhraseHit>();
        for (var u = 0; u < segments.Count; u++)
        {
            if (injected[u] || segments[u].Kind is UnitKind.Comment or UnitKind.Code) continue;
            var f = WithDismissingLead(text.Lower, tokens, segments[u], features[u], hits);
            if (f.Words == 0) continue;
            var clause = Clauses(text.Lower, tokens, f.TokenStart, f.TokenEnd);
            if (AnyWillDo(matcher, tokens, f, clause, sections[u]) is var shrug and >= 0)
            {
                result[u] = shrug;
                continue;
            }
            if (BareNo(matcher, tokens, f, hits) is { } no)
            {
                if (IsWholeName(matcher, tokens, no)) result[u] = no.Payload;
                else (parts[u], partWords[u]) = (no.Payload, Words(tokens, no));
                continue;
            }
            if (IronicEnding(tokens, f) is var irony and >= 0)
            {
                // "A ranker that never needs monitoring, said nobody ever" and "Monitoring is optional, said no one ever"
                // mean it is needed: nothing is waved away.
                if (!WavesAway(text.Lower, tokens, f.TokenStart, irony, hits)
                    && Granted(matcher, text.Lower, tokens, f.TokenStart, irony, hits) is { Dimension: >= 0 } mocked)
                {
                    if (mocked.Part is null) result[u] = mocked.Dimension;
                    else (parts[u], partWords[u]) = mocked;
                }
                continue;
            }
            var reason = AnsweredNo(text.Lower, tokens, segments, features, injected, u);
            foreach (var cue in Cues(text.Lower, tokens, f.TokenStart, f.TokenEnd, clause, hits, reason >= 0))
            {
                var target = Target(matcher, text, tokens, f, clause, cue, hits, out var aliasHit, out var part);
                // The words of the part waved away, or null when the whole dimension is.
                string? waved;
                if (target < 0 && Conceded(matcher, text.Lower, tokens, features, injected, u, f, clause, cue, hits, out var granted) is { Dimension: >= 0 } conceded)
                {
                    if (conceded.Part is null)
                    {
                        result[u] = conceded.Dimension;
                        break;
                    }
                    (parts[u], partWords[u]) = conceded;
                    // "In theory we'd watch drift. In practice I'd skip it.": what was granted is no evidence either.
                    if (granted < u && result[granted] < 0 && parts[granted] < 0) (parts[granted], partWords[granted]) = conceded;
                    continue;
                }
                // "Out of scope: ads insertion and notifications." lists what is scoped out; "Out of scope: monitoring." names a dimension.
                if (target < 0 && ColonList(matcher, text, tokens, f, clause, cue, hits) is var listed and > NoList)
                {
                    if (listed < 0) continue;
                    result[u] = listed;
                    break;
                }
                if (target < 0)
                {
                    // "Leave it to the platform team." hands the part to someone; "I'd leave it to the ranker to decide the
                    // order" to a part of the design, which waves nothing away.
                    if (cue.Payload == Lexicon.HandOver && !ToSomeone(tokens, f, clause, cue)) continue;
                    // "I won't spend time on it": the pronoun points at what the previous sentence is about, or else the
                    // section; a hand-over holds its pronoun ("leave it to").
                    if (cue.Payload == Lexicon.HandOver || PointsBack(matcher, tokens, f, clause, cue, hits))
                    {
                        // "much of it is wasted time scrolling past posts": the cue has its own object.
                        if (cue.Payload is Lexicon.Scoping or Lexicon.Effort && HasObject(tokens, f, clause, cue)) continue;
                        var named = NamedBefore(matcher, tokens, f, cue, hits, out part, out var namedHit);
                        // "Collecting explicit ratings is not worth it", "We considered a GPU cluster, but we don't need it":
                        // the sentence has its own subject and names no single dimension, so "it" is that thing. Effort
                        // ("..., so I won't spend time on it") is about the answer, so "it" is still what the part is about.
                        // "Building drift detection, dashboards and alerting ..., so I'd leave it out": "it" is what the sentence lists.
                        var list = (named < 0 || part) && !MoreAfter(text, tokens, f, clause, cue) ? ListedParts(matcher, tokens, f.TokenStart, cue.Start, hits) : (-1, null);
                        // "PR-AUC per class, a golden set and an A/B test": a part named in a list of the whole is the list.
                        if (part && list.Dimension == named && list.Part is null) named = -1;
                        var ownSubject = named < 0 && !Lexicon.EffortVerbs.Contains(tokens[cue.Start].Id) && SubjectBefore(tokens, f, cue);
                        if (ownSubject && list.Dimension < 0) continue;
                        // "Monitoring every frame is not worth it": one activity of the dimension. "Precision and recall
                        // offline are a waste of time for this": the concepts of one criterion are one part.
                        (target, waved) = named >= 0 ? (named, part || ActivityBefore(tokens, namedHit, cue) ? Words(tokens, namedHit) : null)
                            : list.Dimension >= 0 && (ownSubject || list.Part is null) ? list : PreviousDimension(matcher, tokens, segments, features, result, injected, u);
                        if (target < 0) (target, waved) = (sections[u], sectionParts[u]);
                        if (target < 0) continue;
                        // "Accuracy isn't a useful metric here, so we skip it and report per-class PR-AUC instead": what
                        // replaces it is of the same dimension, so one of its parts is swapped, not the dimension dropped.
                        if (ReplacementAfter(tokens, f, cue, hits) && NamedIn(matcher, tokens, cue.End, f.TokenEnd, target)) continue;
                    }
                    // "Not needed." / "Out of scope for this interview." opening a unit under a dimension's heading, or
                    // after a few words that name it like one ("Monitoring? Not necessary.").
                    // "Stories are out of scope." or "- GPU: not needed." waves away its own subject, not the section, and
                    // "Then we drop the duplicates." its object.
                    else if ((cue.Start - f.TokenStart > LeadingCueReach && f.Words > ShortUnit)
                        || SubjectBefore(tokens, f, cue) || UnnamedLabel(matcher, tokens, segments[u])
                        || ClauseHasTopic(matcher, tokens, f, clause, cue, hits)
                        || ReplacementAfter(tokens, f, cue, hits)
                        || (cue.Payload is Lexicon.Scoping or Lexicon.Effort or Lexicon.OpeningOnly && HasObject(tokens, f, clause, cue))
                        || (OpensBare(tokens, f, cue) && MoreAfter(text, tokens, f, clause, cue))) continue;
                    else if (AsksAbout(text.Lower, tokens, segments, features, injected, u))
                    {
                        // "Model size? Irrelevant at 400 MB." answers the question; "Online learning? Not needed." waves
                        // away what was asked, which names no dimension here.
                        if (HasObject(tokens, f, clause, cue)) continue;
                        (target, waved) = PreviousDimension(matcher, tokens, segments, features, result, injected, u);
                        if (target < 0) continue;
                    }
                    else
                    {
                        (target, waved) = (sections[u], sectionParts[u]);
                        if (target < 0) continue;
                    }
                }
                else if (NamesReplacement(matcher, tokens, f, clause, cue, aliasHit, target, hits)
                         || ExistingAfterColon(text.Lower, matcher, tokens, f, clause, cue, aliasHit, target)) continue;
                else if (part && reason >= 0 && TwoPartsAfter(matcher, tokens, f, cue, target)) waved = null;
                else waved = part || SaysWhich(tokens, f, clause, aliasHit, cue) ? Words(tokens, aliasHit)
                    : Qualifier(tokens, f, clause, aliasHit, cue) is { } kind ? Words(tokens, new PhraseHit(kind, aliasHit.End, aliasHit.Payload)) : null;
                if (reason >= 0 && NamedIn(matcher, tokens, reason, features[u + 1].TokenEnd, target)) continue;
                if (waved is not null)
                {
                    parts[u] = target;
                    partWords[u] = waved;
                    continue;
                }
                result[u] = target;
                break;
            }
        }
        // Two different parts: "we don't need labels" said twice is still one part.
        var partsWaved = new HashSet<string>[matcher.DimensionIds.Length];
        for (var d = 0; d < partsWaved.Length; d++) partsWaved[d] = [];
        for (var u = 0; u < parts.Length; u++)
            if (parts[u] >= 0) partsWaved[parts[u]].Add(partWords[u]!);
        for (var u = 0; u < parts.Length; u++)
            if (parts[u] >= 0 && result[u] < 0 && partsWaved[parts[u]].Count >= 2) result[u] = parts[u];
        narrows = parts;
        for (var u = 0; u < parts.Length; u++)
            if (result[u] >= 0) narrows[u] = -1;
        return result;
    }

    /// <summary>
    /// "Monitoring is nice in theory, but in practice nobody looks at dashboards, so I wouldn't bother"; "In theory we'd
    /// track drift and set alerts. In practice I'd skip it.": a cue without an object of its own, after a concession in
    /// its unit (or in the one before, when this one opens with "in practice"), waves away what was granted in theory.
    /// What the concession grants (<see cref="Granted"/>), or (-1, null) when there is none.
    /// <paramref name="granted"/>: the unit the concession opens.
    /// </summary>
    private static (int Dimension, string? Part) Conceded(RubricMatcher matcher, string lower, Token[] tokens, UnitFeatures[] features,
        bool[] injected, int u, UnitFeatures f, int[] clause, PhraseHit cue, List<PhraseHit> scratch, out int granted)
    {
        granted = u;
        if (HasObject(tokens, f, clause, cue)) return (-1, null);
        var from = -1;
        scratch.Clear();
        Lexicon.ConcessionMarkers.Match(tokens, f.TokenStart, cue.Start, scratch);
        if (scratch.Count > 0) from = f.TokenStart;
        else if (u > 0 && !injected[u - 1])
        {
            Lexicon.ContrastOpeners.Match(tokens, f.TokenStart, f.TokenEnd, scratch);
            var opens = scratch.Any(h => h.Start == f.TokenStart);
            scratch.Clear();
            Lexicon.ConcessionMarkers.Match(tokens, features[u - 1].TokenStart, features[u - 1].TokenEnd, scratch);
            if (opens && scratch.Count > 0) (from, granted) = (features[u - 1].TokenStart, u - 1);
        }
        return from < 0 ? (-1, null) : Granted(matcher, lower, tokens, from, cue.Start, scratch);
    }

    /// <summary>
    /// What the tokens [from, to) grant only to take it back (a concession, an ironic claim): the one dimension they name
    /// (only a part when the name is qualified: "a larger model"), or the parts they list (<see cref="ListedParts"/>);
    /// (-1, null) when they name several dimensions or nothing.
    /// </summary>
    private static (int Dimension, string? Part) Granted(RubricMatcher matcher, string lower, Token[] tokens, int from, int to, List<PhraseHit> scratch)
    {
        scratch.Clear();
        matcher.Mentions.Match(tokens, from, to, scratch);
        var names = Longest(scratch).ToList();
        var dimensions = names.Select(h => h.Payload).Distinct().ToList();
        if (dimensions.Count > 1) return (-1, null);
        if (dimensions.Count == 0) return ListedParts(matcher, tokens, from, to, scratch);
        // "a larger model": a word of its own right before the name, in the same phrase, makes it one kind of the dimension.
        var name = names[0];
        var qualified = !IsWholeName(matcher, tokens, name)
            || (name.Start > from && !Lexicon.FunctionWords.Contains(tokens[name.Start - 1].Id)
                && !Lexicon.WholeAdverbs.Contains(tokens[name.Start - 1].Id)
                && lower.AsSpan(tokens[name.Start - 1].End, tokens[name.Start].Start - tokens[name.Start - 1].End).IsWhiteSpace());
        return (dimensions[0], qualified ? Words(tokens, name) : null);
    }

    /// <summary>
    /// "Drift dashboards are a must, said no shipping team ever.": the claim before "said no ... ever" is meant the other
    /// way round, so what it grants is waved away (as after a concession). The position of "said", or -1 when the unit
    /// does not end so.
    /// </summary>
    private static int IronicEnding(Token[] tokens, UnitFeatures f)
    {
        if (f.Words < 4 || !Lexicon.Ever.Contains(tokens[f.TokenEnd - 1].Id)) return -1;
        for (var t = f.TokenEnd - 3; t > f.TokenStart && t >= f.TokenEnd - IronyReach; t--)
            if (Lexicon.Said.Contains(tokens[t].Id) && Lexicon.Nobody.Contains(tokens[t + 1].Id)) return t;
        return -1;
    }

    /// <summary>Whether the tokens [from, to) negate or wave away what they name: "never needs", "is optional", "is overkill".</summary>
    private static bool WavesAway(string lower, Token[] tokens, int from, int to, List<PhraseHit> scratch)
    {
        for (var t = from; t < to; t++)
            if (Lexicon.Negations.Contains(tokens[t].Id)) return true;
        scratch.Clear();
        Lexicon.Devaluing.Match(tokens, from, to, scratch);
        return scratch.Count > 0 || Cues(lower, tokens, from, to, Clauses(lower, tokens, from, to), scratch, false).Count > 0;
    }

    /// <summary>"said no ML engineer in production ever": a few words between "no" and "ever".</summary>
    private const int IronyReach = 7;

    /// <summary>
    /// "I'd skip monitoring: drift detection and alerting are overkill": a short lead split off as a label is itself a
    /// dismissal, so the unit is read with it. A lead that only names something ("- GPU: not needed.") stays a label.
    /// </summary>
    private static UnitFeatures WithDismissingLead(string lower, Token[] tokens, Segment segment, UnitFeatures f, List<PhraseHit> scratch)
    {
        if (!segment.HasLabel) return f;
        var (from, to) = AnswerAnalyzer.TokenRange(tokens, segment.LabelStart, segment.LabelEnd);
        if (from >= to || to > f.TokenStart) return f;
        if (Cues(lower, tokens, from, to, Clauses(lower, tokens, from, to), scratch, false).Count == 0) return f;
        var joined = new UnitFeatures { TokenStart = from, TokenEnd = f.TokenEnd };
        joined.Concepts.AddRange(f.Concepts);
        return joined;
    }

    private const int PronounReachAfter = 5;
    private const int PronounReachBefore = 2;

    private const int ReceiverReach = 5;

    /// <summary>
    /// Whether a hand-over's receiver is a team or a person rather than a component: a party's word before any "to" that
    /// says what the receiver does ("leave it to the model to learn team preferences" hands it to the model).
    /// </summary>
    private static bool ToSomeone(Token[] tokens, UnitFeatures f, int[] clause, PhraseHit cue)
    {
        for (var t = cue.End; t < f.TokenEnd && t < cue.End + ReceiverReach && clause[t - f.TokenStart] == clause[cue.Start - f.TokenStart]; t++)
        {
            if (tokens[t].Id == To) return false;
            if (Lexicon.Parties.Contains(tokens[t].Id)) return true;
        }
        return false;
    }

    /// <summary>
    /// A pronoun right next to the cue ("skip it", "won't spend time on it", "It's out of scope"), nothing
    /// concrete between them and no replacement named: the dismissal is about something said before.
    /// </summary>
    private static bool PointsBack(RubricMatcher matcher, Token[] tokens, UnitFeatures f, int[] clause, PhraseHit cue, List<PhraseHit> scratch)
    {
        var cueClause = clause[cue.Start - f.TokenStart];
        var pronoun = -1;
        for (var t = cue.End; t < f.TokenEnd && t < cue.End + PronounReachAfter && pronoun < 0; t++)
            if (clause[t - f.TokenStart] == cueClause && Lexicon.Pronouns.Contains(tokens[t].Id)) pronoun = t;
        for (var t = cue.Start - 1; t >= f.TokenStart && t >= cue.Start - PronounReachBefore && pronoun < 0; t--)
            if (clause[t - f.TokenStart] == cueClause && Lexicon.Pronouns.Contains(tokens[t].Id)) pronoun = t;
        if (pronoun < 0) return false;

        scratch.Clear();
        Lexicon.AlternativeMarkers.Match(tokens, f.TokenStart, f.TokenEnd, scratch);
        if (scratch.Count > 0) return false;
        var (from, to) = pronoun < cue.Start ? (pronoun, cue.End) : (cue.Start, pronoun + 1);
        // "spend (much) time on it", not "need to recommend them": only filler between cue and pronoun.
        for (var t = Math.Min(pronoun + 1, cue.End); t < Math.Max(pronoun, cue.Start); t++)
            if (!Filler(tokens[t].Id)) return false;
        scratch.Clear();
        matcher.Concepts.Match(tokens, from, to, scratch);
        matcher.Mentions.Match(tokens, from, to, scratch);
        return scratch.Count == 0;
    }

    /// <summary>
    /// "Serving is handled by the platform, so we don't need to spend time on it": the one dimension named before
    /// the cue, or -1 when none or several are; <paramref name="part"/> when only a part of it is named ("Retraining ...").
    /// </summary>
    private static int NamedBefore(RubricMatcher matcher, Token[] tokens, UnitFeatures f, PhraseHit cue, List<PhraseHit> scratch,
        out bool part, out PhraseHit hit)
    {
        scratch.Clear();
        matcher.Concepts.Match(tokens, f.TokenStart, cue.Start, scratch);
        var concepts = scratch.ToList();
        scratch.Clear();
        matcher.Mentions.Match(tokens, f.TokenStart, cue.Start, scratch);
        // "a feature store" is a concept of its own, not the data's "features".
        var longest = Longest(scratch).Where(h => !concepts.Any(c => c.Start <= h.Start && c.End >= h.End && c.End - c.Start > h.End - h.Start)).ToList();
        var named = longest.Select(h => h.Payload).Distinct().ToList();
        part = named.Count == 1 && !longest.Any(h => IsWholeName(matcher, tokens, h));
        hit = longest.FirstOrDefault();
        return named.Count == 1 ? named[0] : -1;
    }

    /// <summary>
    /// What the concepts in the tokens [from, to) name (before a cue, or listed after "Won't do:"), when they are all of
    /// one dimension: the whole of it when they are of two of its criteria or more ("drift detection, dashboards and
    /// alerting"), one part when of one criterion ("precision and recall offline"); (-1, null) otherwise.
    /// </summary>
    private static (int Dimension, string? Part) ListedParts(RubricMatcher matcher, Token[] tokens, int from, int to, List<PhraseHit> scratch)
    {
        scratch.Clear();
        matcher.Concepts.Match(tokens, from, to, scratch);
        // "a feature store" is one concept, not also "features" of the data.
        var criteria = Longest(scratch).Select(h => h.Payload / RubricMatcher.MaxGroups).Distinct().ToList();
        var dimensions = criteria.Select(c => matcher.Criteria[c].Dimension).Distinct().ToList();
        if (dimensions.Count != 1) return (-1, null);
        return (dimensions[0], criteria.Count >= 2 ? null : "criterion " + criteria[0]);
    }

    /// <summary>The words of a phrase hit, as the ids of their stems.</summary>
    private static string Words(Token[] tokens, PhraseHit hit) =>
        string.Join(' ', tokens[hit.Start..hit.End].Select(t => t.Id));

    /// <summary>Whether the words of a mention are one of the dimension's aliases ("monitoring"), not a part of it ("retraining").</summary>
    private static bool IsWholeName(RubricMatcher matcher, Token[] tokens, PhraseHit hit)
    {
        var names = new List<PhraseHit>();
        matcher.Aliases.Match(tokens, hit.Start, hit.End, names);
        return names.Any(n => n.Start == hit.Start && n.End == hit.End && n.Payload == hit.Payload);
    }

    /// <summary>
    /// A content word before the cue: "Stories are out of scope." is about stories; "Honestly, not needed." and "After
    /// release there is nothing to do." are not (a phrase after a preposition says when or where, not what).
    /// </summary>
    private static bool SubjectBefore(Token[] tokens, UnitFeatures f, PhraseHit cue)
    {
        var inPhrase = false;
        for (var t = f.TokenStart; t < cue.Start; t++)
        {
            var id = tokens[t].Id;
            if (Lexicon.AdverbialLeads.Contains(id))
            {
                inPhrase = true;
                continue;
            }
            if (Lexicon.FunctionWords.Contains(id) || Lexicon.Negations.Contains(id) || Lexicon.Pronouns.Contains(id)
                || Lexicon.PartNouns.Contains(id) || Lexicon.Discourse.Contains(id)) continue;
            if (!inPhrase) return true;
            inPhrase = false;
        }
        return false;
    }

    /// <summary>"- GPU: not needed.": a lead label that names no dimension is the subject of what follows it.</summary>
    private static bool UnnamedLabel(RubricMatcher matcher, Token[] tokens, Segment segment) =>
        segment.HasLabel && AnswerAnalyzer.TokenRange(tokens, segment.LabelStart, segment.LabelEnd) is var (from, to) && from < to
        && AnswerAnalyzer.SectionOf(matcher, tokens, segment.LabelStart, segment.LabelEnd, out _) < 0;

    /// <summary>The unit before <paramref name="u"/> in its block, injected text left out; -1 if none.</summary>
    private static int PreviousInBlock(List<Segment> segments, bool[] injected, int u)
    {
        var p = u - 1;
        while (p >= 0 && injected[p]) p--;
        return p >= 0 && segments[p].Block == segments[u].Block ? p : -1;
    }

    /// <summary>"Monitoring? Not necessary.": the previous unit of the block is a few words ending in a question mark or colon.</summary>
    private static bool AsksAbout(string lower, Token[] tokens, List<Segment> segments, UnitFeatures[] features, bool[] injected, int u)
    {
        var p = PreviousInBlock(segments, injected, u);
        if (p < 0 || features[p].Words == 0 || features[p].Words > LeadingCueReach) return false;
        for (var i = tokens[features[p].TokenEnd - 1].End; i < lower.Length && i < segments[u].Start; i++)
            if (!char.IsWhiteSpace(lower[i]) && lower[i] is not ('*' or '_')) return lower[i] is '?' or ':';
        return false;
    }

    /// <summary>
    /// "Do we really need monitoring? No.", "Is serving worth discussing? Not really.", "Do we really need clarifying
    /// questions here? Not really, it's friend suggestions.": the unit is a question and the next unit of its block a no,
    /// bare or with a reason after a comma. The start of that reason (the end of the no when it is bare), or -1.
    /// "Is accuracy enough? No, so we use PR-AUC per class." and "No, a nightly batch job is enough." name a replacement.
    /// </summary>
    private static int AnsweredNo(string lower, Token[] tokens, List<Segment> segments, UnitFeatures[] features, bool[] injected, int u)
    {
        if (lower[segments[u].End - 1] != '?' || u + 1 >= segments.Count || injected[u + 1] || PreviousInBlock(segments, injected, u + 1) != u)
            return -1;
        var next = features[u + 1];
        if (next.Words == 0 || !Lexicon.Negations.Contains(tokens[next.TokenStart].Id)) return -1;
        // "No." or "Not really." is bare; "No, just dashboards." is short too but names what is kept.
        if (next.Words <= AloneReach && lower.AsSpan(tokens[next.TokenStart].Start, tokens[next.TokenEnd - 1].End - tokens[next.TokenStart].Start).IndexOf(',') < 0)
            return next.TokenEnd;
        for (var t = next.TokenStart + 1; t < next.TokenEnd && t <= next.TokenStart + AloneReach; t++)
        {
            if (!lower.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).Contains(','))
            {
                // "No, not really," / "Not at all,": only the no before the comma.
                if (!Lexicon.Negations.Contains(tokens[t].Id) && !Lexicon.Discourse.Contains(tokens[t].Id) && !Lexicon.FunctionWords.Contains(tokens[t].Id))
                    return -1;
                continue;
            }
            var hits = new List<PhraseHit>();
            Lexicon.AlternativeMarkers.Match(tokens, t, next.TokenEnd, hits);
            return hits.Count == 0 && !ReplacementLeads.Contains(tokens[t].Id) ? t : -1;
        }
        return -1;
    }

    /// <summary>Words that open what is done instead after a no: "No, so we use ...", "No, just a CTR dashboard".</summary>
    private static readonly HashSet<int> ReplacementLeads = [.. AnswerTokenizer.InternPhrase("so but just only instead rather")];

    /// <summary>
    /// "Do we even need an A/B test here, or offline metrics at all? No.": two different parts of the dimension named
    /// after the cue, so the no waves away both, the dimension with them.
    /// </summary>
    private static bool TwoPartsAfter(RubricMatcher matcher, Token[] tokens, UnitFeatures f, PhraseHit cue, int dimension)
    {
        var hits = new List<PhraseHit>();
        matcher.Mentions.Match(tokens, cue.End, f.TokenEnd, hits);
        // "new labels or features" asks about new ones only: a word of its own before a part qualifies it.
        return Longest(hits).Where(h => h.Payload == dimension && (h.Start == cue.End || Lexicon.FunctionWords.Contains(tokens[h.Start - 1].Id)))
            .Select(h => Words(tokens, h)).Distinct().Count() >= 2;
    }

    /// <summary>
    /// The dimension the previous unit of the same block dismissed, or the one it names alone (-1 if none), and the
    /// words of the part of it that unit is about when it does not name the whole dimension ("We retrain weekly." or
    /// "We need a feature store.": "I won't spend time on it" then waves away that part, not the dimension).
    /// </summary>
    private static (int Dimension, string? Part) PreviousDimension(RubricMatcher matcher, Token[] tokens, List<Segment> segments,
        UnitFeatures[] features, int[] result, bool[] injected, int u)
    {
        var p = PreviousInBlock(segments, injected, u);
        if (p < 0) return (-1, null);
        if (result[p] >= 0) return (result[p], null);
        var f = features[p];
        var dimensions = f.Concepts.Select(c => matcher.Criteria[c.Criterion].Dimension).Distinct().ToList();
        var d = f.Names.Count == 1 ? f.Names[0] : f.Mentions.Count == 1 ? f.Mentions[0] : dimensions.Count == 1 ? dimensions[0] : -1;
        if (d < 0 || f.Aliases.Contains(d)) return (d, null);
        // A concept without a name for it: the part is the criterion it speaks to.
        return (d, PartNamed(matcher, tokens, f.TokenStart, f.TokenEnd, d)
            ?? "criterion " + f.Concepts.Where(c => matcher.Criteria[c.Criterion].Dimension == d).Select(c => c.Criterion).DefaultIfEmpty(-1).First());
    }

    /// <summary>
    /// The words of the part of dimension <paramref name="dimension"/> that the tokens name when that is all they name
    /// ("Retraining", "Labels"); null when they name the dimension itself (an alias or a word of its title).
    /// </summary>
    internal static string? PartNamed(RubricMatcher matcher, Token[] tokens, int from, int to, int dimension)
    {
        var hits = new List<PhraseHit>();
        matcher.Mentions.Match(tokens, from, to, hits);
        // The longest at each place, as for a sentence: "offline metrics" is a part, not the alias inside it.
        var named = Longest(hits).Where(h => h.Payload == dimension).ToList();
        if (named.Count == 0 || named.Any(h => IsWholeName(matcher, tokens, h))) return null;
        for (var t = from; t < to; t++)
            if (matcher.HeadingIds.TryGetValue(tokens[t].Id, out var titled) && titled == dimension
                && !named.Any(h => h.Start <= t && t < h.End)) return null;
        return Words(tokens, named[0]);
    }

    /// <summary>
    /// "Any standard classifier will do", "any off-the-shelf model would work": the candidate declines to choose.
    /// The dimension is the one the words between "any" and the verb name (alias, then concept, then the section); -1 if none,
    /// or when the sentence is about a baseline to start from.
    /// </summary>
    private static int AnyWillDo(RubricMatcher matcher, Token[] tokens, UnitFeatures f, int[] clause, int section)
    {
        for (var t = f.TokenStart; t < f.TokenEnd; t++)
        {
            if (tokens[t].Id != Any) continue;
            for (var v = t + 2; v < f.TokenEnd && v <= t + 5 && clause[v - f.TokenStart] == clause[t - f.TokenStart]; v++)
            {
                if (!ShrugVerb(tokens, v, f.TokenEnd)) continue;
                for (var k = f.TokenStart; k < f.TokenEnd; k++)
                    if (Lexicon.BaselineWords.Contains(tokens[k].Id)) return -1;
                var hits = new List<PhraseHit>();
                matcher.Mentions.Match(tokens, t + 1, v, hits);
                if (hits.Count > 0) return hits[^1].Payload;
                matcher.Concepts.Match(tokens, t + 1, v, hits);
                if (hits.Count > 0) return matcher.DimensionOf(hits[^1]);
                return section;
            }
        }
        return -1;
    }

    /// <summary>
    /// "No monitoring.", "No retraining.": "no" and one name of a dimension or a part, and nothing else; or the same
    /// ending the unit as its conclusion: "We'll never look at drift metrics, so no monitoring."
    /// </summary>
    private static PhraseHit? BareNo(RubricMatcher matcher, Token[] tokens, UnitFeatures f, List<PhraseHit> scratch)
    {
        if (f.Words < 2) return null;
        var no = tokens[f.TokenStart].Id == No ? f.TokenStart : -1;
        for (var t = f.TokenEnd - 2; no < 0 && t > f.TokenStart; t--)
            if (tokens[t].Id == No && Consequences.Contains(tokens[t - 1].Id)) no = t;
        if (no < 0) return null;
        scratch.Clear();
        matcher.Mentions.Match(tokens, no + 1, f.TokenEnd, scratch);
        foreach (var hit in scratch)
            if (hit.Start == no + 1 && hit.End == f.TokenEnd) return hit;
        return null;
    }

    private static readonly int No = Vocabulary.Intern("no");
    private static readonly HashSet<int> Consequences = [.. AnswerTokenizer.InternPhrase("so therefore thus hence")];
    private static readonly int Any = Vocabulary.Intern("any");
    private static readonly HashSet<int> Modals = [.. AnswerTokenizer.InternPhrase("will would should can could")];
    private static readonly HashSet<int> ShrugPredicates = [.. AnswerTokenizer.InternPhrase("do work suffice")];
    private static readonly HashSet<int> Copulas = [.. AnswerTokenizer.InternPhrase("is are")];
    private static readonly HashSet<int> Fine = [.. AnswerTokenizer.InternPhrase("fine ok okay enough")];

    /// <summary>"will do", "would work", "should suffice", "is fine", "are enough".</summary>
    private static bool ShrugVerb(Token[] tokens, int v, int end) =>
        v + 1 < end && ((Modals.Contains(tokens[v].Id) && ShrugPredicates.Contains(tokens[v + 1].Id))
                        || (Copulas.Contains(tokens[v].Id) && Fine.Contains(tokens[v + 1].Id)));

    /// <summary>"skip-gram": a cue joined to a word by a hyphen is part of that word.</summary>
    private static bool Hyphenated(string lower, Token[] tokens, PhraseHit hit, int from, int to) =>
        (hit.End < to && tokens[hit.End].Start == tokens[hit.End - 1].End + 1 && lower[tokens[hit.End - 1].End] == '-')
        || (hit.Start > from && tokens[hit.Start].Start == tokens[hit.Start - 1].End + 1 && lower[tokens[hit.Start - 1].End] == '-');

    /// <summary>A one-word cue used as an adjective before a noun: "skipped videos", "irrelevant results".</summary>
    private static bool Describes(string lower, Token[] tokens, PhraseHit hit, int to)
    {
        if (hit.End - hit.Start != 1 || hit.End >= to || !Lexicon.Describing.Contains(tokens[hit.Start].Id)) return false;
        var word = lower.AsSpan(tokens[hit.Start].Start, tokens[hit.Start].End - tokens[hit.Start].Start);
        var gap = lower.AsSpan(tokens[hit.Start].End, tokens[hit.End].Start - tokens[hit.Start].End);
        // "skip monitoring" is a verb and its object; only a participle ("skipped") or an adjective describes.
        return (word.EndsWith("ed") || !Lexicon.DismissalVerbs.Contains(tokens[hit.Start].Id)) && gap.IsWhiteSpace()
            && !Lexicon.FunctionWords.Contains(tokens[hit.End].Id) && !Lexicon.Negations.Contains(tokens[hit.End].Id);
    }

    /// <summary>
    /// "We can't skip evaluation here", "never skip the audit", "Monitoring is not overkill", "Serving isn't just an
    /// engineering detail": a cue negated right before keeps what it names. Cues with a negation of their own ("not
    /// needed", "nothing to discuss") are left as they are, and so are cues about the answer's time, where the negation
    /// is the dismissal: "I won't waste time on them".
    /// </summary>
    private static bool NegatedCue(Token[] tokens, PhraseHit hit, int from)
    {
        if (hit.Payload != 0) return false;
        for (var t = hit.Start; t < hit.End; t++)
            if (Lexicon.Negations.Contains(tokens[t].Id)) return false;
        for (var n = hit.Start - 1; n >= from && n >= hit.Start - 2; n--)
            if (Lexicon.Negations.Contains(tokens[n].Id)) return true;
        return false;
    }

    /// <summary>
    /// Dismissal cues as token ranges: fixed phrasings, or a negation shortly before a predicate like "need";
    /// <paramref name="answeredNo"/>: the unit is a question answered "No." (see <see cref="AnsweredNo"/>).
    /// </summary>
    private static List<PhraseHit> Cues(string lower, Token[] tokens, int from, int to, int[] clause, List<PhraseHit> scratch, bool answeredNo)
    {
        var cues = new List<PhraseHit>();
        scratch.Clear();
        Lexicon.DismissalPhrases.Match(tokens, from, to, scratch);
        foreach (var hit in scratch)
        {
            // "skip-gram" is a model, not a dismissal; nor are "skipped videos" or "irrelevant results", which describe a noun.
            if (Hyphenated(lower, tokens, hit, from, to) || Describes(lower, tokens, hit, to) || NegatedCue(tokens, hit, from)) continue;
            var opens = hit.Payload != Lexicon.AloneOnly || to - from <= AloneReach;
            for (var t = from; t < hit.Start && opens && hit.Payload is Lexicon.OpeningOnly or Lexicon.AloneOnly; t++) opens = Lexicon.OpeningWords.Contains(tokens[t].Id);
            if (opens) cues.Add(hit);
        }
        scratch.Clear();
        Lexicon.ClauseEndDismissals.Match(tokens, from, to, scratch);
        foreach (var hit in scratch)
            if (hit.End == to || clause[hit.End - from] != clause[hit.Start - from] || lower.AsSpan(tokens[hit.End - 1].End, tokens[hit.End].Start - tokens[hit.End - 1].End).Contains(','))
                cues.Add(hit);
        for (var t = from; t < to; t++)
        {
            // "leave spam out of the training data" is where from, not "leave it out"; "leave monitoring out for the first
            // version" still leaves it out.
            if (tokens[t].Id == Lexicon.Aside || (tokens[t].Id == Lexicon.Out && (t + 1 == to || tokens[t + 1].Id != Lexicon.Of)))
            {
                var verbs = tokens[t].Id == Lexicon.Aside ? Lexicon.AsideVerbs : Lexicon.LeaveVerbs;
                for (var v = t - 1; v >= from && v >= t - TargetReachBefore && clause[v - from] == clause[t - from]; v--)
                    if (verbs.Contains(tokens[v].Id))
                    {
                        cues.Add(new PhraseHit(t, t + 1, Lexicon.LeaveOut));
                        break;
                    }
                continue;
            }
            if (!Lexicon.DismissalPredicates.Contains(tokens[t].Id)) continue;
            // "Do we really need monitoring? No.": the answer negates the predicate.
            if (answeredNo)
            {
                cues.Add(new PhraseHit(t, t + 1, 0));
                continue;
            }
            for (var n = t - 1; n >= from && n >= t - NegationReach && clause[n - from] == clause[t - from]; n--)
                if (Lexicon.Negations.Contains(tokens[n].Id))
                {
                    // "Nothing more is needed for monitoring", "No further data is required": what is there suffices.
                    if (!MoreWords.Contains(tokens[n + 1].Id)) cues.Add(new PhraseHit(t, t + 1, 0));
                    break;
                }
        }
        // "Skip nothing.", "I won't cover the model in depth", "forget about monitoring for a second", "nothing to watch
        // except the retrain job", "I wouldn't leave monitoring out": not a dismissal. "That's DevOps's job, not mine." is
        // one: the negation disowns it.
        cues.RemoveAll(c => (c.End < to && Lexicon.Negations.Contains(tokens[c.End].Id) && !(c.End + 1 < to && Lexicon.Own.Contains(tokens[c.End + 1].Id)))
            || AboutDepth(tokens, from, to, clause, c)
            || Keeps(tokens, from, to, clause, c) || (c.Payload is Lexicon.LeaveOut or Lexicon.HandOver && NegatedBefore(tokens, from, clause, c)));
        cues.Sort((a, b) => a.Start.CompareTo(b.Start));
        return cues;
    }

    /// <summary>Words that carry no topic around a cue: function words and effort ("spend much time on").</summary>
    private static bool Filler(int id) =>
        Lexicon.FunctionWords.Contains(id) || Lexicon.EffortWords.Contains(id) || Lexicon.EffortVerbs.Contains(id);

    /// <summary>
    /// Words that are no object of a cue or a dimension: filler, negations, "here", "entirely", "honestly". Each caller
    /// adds what else names nothing in its place (part nouns after a cue, pronouns after a verb).
    /// </summary>
    private static bool NamesNothing(int id) =>
        Filler(id) || Lexicon.Negations.Contains(id) || Lexicon.ScopeFiller.Contains(id) || Lexicon.WholeAdverbs.Contains(id)
        || Lexicon.Discourse.Contains(id);

    /// <summary>
    /// "I'd rather not go into production without a shadow period": words of their own after the dimension, before a
    /// comma or a connector ("..., since it's standard" only gives a reason).
    /// </summary>
    private static bool MoreAfter(NormalizedText text, Token[] tokens, UnitFeatures f, int[] clause, PhraseHit hit)
    {
        for (var t = hit.End; t < f.TokenEnd && clause[t - f.TokenStart] == clause[hit.Start - f.TokenStart]; t++)
        {
            if (text.Lower.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).Contains(',') || Lexicon.Connectors.Contains(tokens[t].Id))
                return false;
            if (!NamesNothing(tokens[t].Id)) return true;
        }
        return false;
    }

    /// <summary>"Not worth chasing sent requests alone": the cue opens the unit with no subject, so what follows is its object.</summary>
    private static bool OpensBare(Token[] tokens, UnitFeatures f, PhraseHit cue)
    {
        for (var t = f.TokenStart; t < cue.Start; t++)
            if (!Lexicon.Negations.Contains(tokens[t].Id) && (!Lexicon.FunctionWords.Contains(tokens[t].Id) || Lexicon.Subjects.Contains(tokens[t].Id)))
                return false;
        return true;
    }

    /// <summary>"I won't go into data", not "Hidden posts won't go into the training data": the candidate declines.</summary>
    private static bool SpeakerBefore(Token[] tokens, UnitFeatures f, PhraseHit cue)
    {
        // The subject may be part of the cue itself: "I won't discuss".
        for (var t = f.TokenStart; t < cue.End; t++)
            if (Lexicon.Subjects.Contains(tokens[t].Id)) return true;
        return false;
    }

    private static bool OnlyDeterminers(Token[] tokens, int from, int to)
    {
        for (var t = from; t < to; t++)
            if (!Lexicon.Determiners.Contains(tokens[t].Id)) return false;
        return true;
    }

    /// <summary>"too much", "again", "further" after the dimension: how deep, not whether.</summary>
    private static bool DepthAfter(Token[] tokens, UnitFeatures f, int[] clause, PhraseHit hit)
    {
        for (var t = hit.End; t < f.TokenEnd && clause[t - f.TokenStart] == clause[hit.Start - f.TokenStart]; t++)
            if (Lexicon.DepthAfter.Contains(tokens[t].Id)) return true;
        return false;
    }

    private const int NoList = -2;

    /// <summary>
    /// After a cue and a colon, what is listed: <see cref="NoList"/> when no colon follows the cue, the dimension when the
    /// list is one of its names ("Out of scope: monitoring.") or parts of two of its criteria ("Won't do: drift detection,
    /// alerting, dashboards."), else -1 (things of the design, scoped out).
    /// </summary>
    private static int ColonList(RubricMatcher matcher, NormalizedText text, Token[] tokens, UnitFeatures f, int[] clause, PhraseHit cue,
        List<PhraseHit> scratch)
    {
        if (cue.End >= f.TokenEnd || !text.Lower.AsSpan(tokens[cue.End - 1].End, tokens[cue.End].Start - tokens[cue.End - 1].End).Contains(':'))
            return NoList;
        scratch.Clear();
        matcher.Aliases.Match(tokens, cue.End, f.TokenEnd, scratch);
        if (scratch.Count > 0 && scratch[0].Start == cue.End)
            return HasObject(tokens, f, clause, new PhraseHit(scratch[0].Start, scratch[0].End, 0)) ? -1 : scratch[0].Payload;
        // "Out of scope: cold start and non-English posts" scopes the problem: that is the requirements' own work.
        var listed = ListedParts(matcher, tokens, cue.End, f.TokenEnd, scratch);
        return listed.Part is null && listed.Dimension >= 0 && !matcher.AboutProblem[listed.Dimension] ? listed.Dimension : -1;
    }

    /// <summary>"except the daily retrain job", "beyond the latency budget" after the cue: something is kept.</summary>
    private static bool Keeps(Token[] tokens, int from, int to, int[] clause, PhraseHit cue)
    {
        for (var t = cue.End; t < to && clause[t - from] == clause[cue.Start - from]; t++)
            if (Lexicon.Exceptions.Contains(tokens[t].Id)) return true;
        return false;
    }

    /// <summary>"I wouldn't leave monitoring out", "Monitoring isn't something we can leave out": a negated leaving keeps it.</summary>
    private static bool NegatedBefore(Token[] tokens, int from, int[] clause, PhraseHit cue)
    {
        for (var t = cue.Start - 1; t >= from && clause[t - from] == clause[cue.Start - from]; t--)
            if (Lexicon.Negations.Contains(tokens[t].Id)) return true;
        return false;
    }

    /// <summary>"in depth", "in much detail", "for a second" after the cue; "skip serving details" is still a dismissal.</summary>
    private static bool AboutDepth(Token[] tokens, int from, int to, int[] clause, PhraseHit cue)
    {
        for (var t = cue.End; t < to && clause[t - from] == clause[cue.Start - from]; t++)
            if (Lexicon.DepthWords.Contains(tokens[t].Id) && Lexicon.DepthLeads.Contains(tokens[t - 1].Id)) return true;
        return false;
    }

    /// <summary>
    /// "We won't cover ads ranking or notifications": the cue has an object of its own, so it scopes something out
    /// rather than dismissing the section it stands in. Filler ("for this interview", "here", "at all") is no object.
    /// </summary>
    private static bool HasObject(Token[] tokens, UnitFeatures f, int[] clause, PhraseHit cue)
    {
        for (var t = cue.End; t < f.TokenEnd && clause[t - f.TokenStart] == clause[cue.Start - f.TokenStart]; t++)
        {
            var id = tokens[t].Id;
            if (!NamesNothing(id) && !Lexicon.PartNouns.Contains(id) && !Lexicon.DimensionNouns.Contains(id)) return true;
        }
        return false;
    }

    /// <summary>
    /// The dimension named next to the cue in its clause, if it is not a compound; <paramref name="part"/> when what
    /// is named is a part of it (a framework mention such as "labels"), not the dimension itself.
    /// </summary>
    private static int Target(RubricMatcher matcher, NormalizedText text, Token[] tokens, UnitFeatures f, int[] clause,
        PhraseHit cue, List<PhraseHit> scratch, out PhraseHit aliasHit, out bool part)
    {
        aliasHit = default;
        part = false;
        scratch.Clear();
        // Mentions, so that a part ("online metrics", "labels") is not read as the whole alias inside it.
        matcher.Mentions.Match(tokens, f.TokenStart, f.TokenEnd, scratch);
        var cueClause = clause[cue.Start - f.TokenStart];
        var best = -1;
        var bestDistance = int.MaxValue;
        foreach (var hit in Longest(scratch))
        {
            if (hit.End > cue.Start && hit.Start < cue.End) continue;
            if (clause[hit.Start - f.TokenStart] != cueClause) continue;
            var distance = hit.End <= cue.Start ? cue.Start - hit.End : hit.Start - cue.End;
            var reach = hit.End <= cue.Start ? TargetReachBefore : TargetReachAfter;
            if (distance > reach || distance >= bestDistance) continue;
            if (hit.End <= cue.Start && (cue.Payload == Lexicon.Ahead || NegatesSomethingElse(text, tokens, f, clause, hit, cue))) continue;
            // "We won't need a dedicated monitoring service, because the platform already exports metrics": a name after a
            // connector is in the reason, not what the cue waves away.
            if (hit.Start >= cue.End && ConnectorBetween(tokens, cue.End, hit.Start)) continue;
            if (hit.End <= cue.Start && ActivityBefore(tokens, hit, cue)) continue;
            // "makes watching the model pointless": the name is the object of another activity, not what is waved away.
            if (hit.End <= cue.Start && ObjectOfActivity(text, tokens, f, hit)) continue;
            // "Accuracy isn't a useful metric": the name heads what the subject is said not to be.
            // "I don't see a need for monitoring" is another matter: the name follows a preposition.
            if (hit.Start >= cue.End && cue.End == cue.Start + 1 && Lexicon.DismissalPredicates.Contains(tokens[cue.Start].Id)
                && cue.Start > f.TokenStart && Lexicon.Articles.Contains(tokens[cue.Start - 1].Id)
                && !Lexicon.Prepositions.Contains(tokens[cue.End].Id)) continue;
            // "I'm not going to go into data." declines the dimension; "won't go into every metric" or "into monitoring too
            // much" limits how much of it.
            if (cue.Payload == Lexicon.Effort && (hit.Start < cue.End || MoreAfter(text, tokens, f, clause, hit)
                || !OnlyDeterminers(tokens, cue.End, hit.Start) || DepthAfter(tokens, f, clause, hit) || !SpeakerBefore(tokens, f, cue))) continue;
            if (hit.Start >= cue.End && (cue.Payload == Lexicon.HandOver || ModifiesAnObject(tokens, hit, cue))) continue;
            // "More GPUs aren't needed for serving": the subject is what is not needed; the name says what for.
            if (hit.Start >= cue.End && cue.End < f.TokenEnd && PassiveNeed(text, tokens, cue) && Lexicon.Prepositions.Contains(tokens[cue.End].Id)
                && SubjectBefore(tokens, f, cue)) continue;
            // "I can't see why we'd monitor this" waves it away; "I don't see why serving would be a bottleneck" says
            // something of it.
            if (hit.Start >= cue.End && cue.Payload == Lexicon.Ahead && MoreAfter(text, tokens, f, clause, hit)) continue;
            // "Who needs serving to be real-time?", "We don't need the model to be perfect": what is asked of it, not it.
            if (hit.Start >= cue.End && Lexicon.NeedWords.Contains(tokens[cue.End - 1].Id)
                && hit.End < f.TokenEnd && tokens[hit.End].Id == To) continue;
            if (hit.End != cue.Start && IsCompound(text, tokens, hit, f.TokenEnd)) continue;
            best = hit.Payload;
            bestDistance = distance;
            aliasHit = hit;
            // "We don't need to monitor the cache hit rate": the dimension's verb has an object, so only that is waved away.
            part = !IsWholeName(matcher, tokens, hit) || VerbWithObject(tokens, f, clause, hit);
        }
        return best;
    }

    /// <summary>
    /// "A deep model is overkill", "Real-time serving isn't needed": a word right before the dimension's name makes it
    /// one kind of it, so only that kind is waved away. Its position, or null when the name stands alone ("any
    /// monitoring", "the model"). After the cue, see <see cref="KindAfter"/>.
    /// </summary>
    private static int? Qualifier(Token[] tokens, UnitFeatures f, int[] clause, PhraseHit hit, PhraseHit cue)
    {
        if (hit.Start >= cue.End) return KindAfter(tokens, f, clause, hit, cue);
        // Only a name that opens the sentence as its subject: "I'll leave monitoring aside" has a verb before it.
        var q = hit.Start - 1;
        if (hit.End > cue.Start || q < f.TokenStart || clause[q - f.TokenStart] != clause[hit.Start - f.TokenStart]) return null;
        // "Serving every request with the heavy model is overkill", "A second ranking model is unnecessary": words after
        // a determiner say which model. "The whole model" is all of it.
        var k = q;
        while (k > f.TokenStart && !Lexicon.FunctionWords.Contains(tokens[k - 1].Id) && !Lexicon.Negations.Contains(tokens[k - 1].Id)
               && clause[k - 1 - f.TokenStart] == clause[q - f.TokenStart]) k--;
        if (k > f.TokenStart && Lexicon.Determiners.Contains(tokens[k - 1].Id) && NamesAKind(tokens[q].Id)) return q;
        // "I'll leave monitoring aside": after a subject, the word before the name is a verb, not a kind.
        for (var t = f.TokenStart; t < q; t++)
            if (!Lexicon.FunctionWords.Contains(tokens[t].Id) || Lexicon.Subjects.Contains(tokens[t].Id)) return null;
        var id = tokens[q].Id;
        return Filler(id) || Lexicon.Negations.Contains(id) || Lexicon.Discourse.Contains(id) || Lexicon.WholeAdverbs.Contains(id)
            || Lexicon.ClauseWords.Contains(id) || Lexicon.Pronouns.Contains(id) ? null : q;
    }

    /// <summary>
    /// "We don't need a deep model", "no need for a two-tower model": after the cue, words between a determiner and the
    /// name, which ends the phrase, say which kind is waved away. "We don't need a model" or "the model" waves away the
    /// dimension, and so does "no need for a separate monitoring setup", where the name only says what the setup is for.
    /// </summary>
    private static int? KindAfter(Token[] tokens, UnitFeatures f, int[] clause, PhraseHit hit, PhraseHit cue)
    {
        var q = hit.Start - 1;
        if (q < cue.End || clause[q - f.TokenStart] != clause[hit.Start - f.TokenStart]) return null;
        if (hit.End < f.TokenEnd && clause[hit.End - f.TokenStart] == clause[hit.Start - f.TokenStart] && !NamesNothing(tokens[hit.End].Id)) return null;
        var k = q;
        while (k > cue.End && !Lexicon.FunctionWords.Contains(tokens[k - 1].Id) && clause[k - 1 - f.TokenStart] == clause[q - f.TokenStart]) k--;
        return Lexicon.Determiners.Contains(tokens[k - 1].Id) && NamesAKind(tokens[q].Id) ? q : null;
    }

    /// <summary>A word before a name that says which kind ("deep", "two-tower"), not how much of it ("the", "no", "whole").</summary>
    private static bool NamesAKind(int id) =>
        !Lexicon.FunctionWords.Contains(id) && !Lexicon.Negations.Contains(id) && !Lexicon.WholeAdverbs.Contains(id);

    /// <summary>
    /// "Monitoring every frame is overkill", "I'd leave metrics like time spent out": words of their own right after the
    /// dimension (before its verb) make it one activity of the dimension. "Data I'll leave aside", "Serving I don't think
    /// is worth it" have only a subject, a verb of leaving and filler there; "Deployment is plain infrastructure and not
    /// really an ML concern" and "Evaluation feels unnecessary here" say what the dimension is.
    /// </summary>
    private static bool ActivityBefore(Token[] tokens, PhraseHit hit, PhraseHit cue)
    {
        for (var t = hit.End; t < cue.Start; t++)
        {
            var id = tokens[t].Id;
            if (Lexicon.Negations.Contains(id) || (Lexicon.ClauseWords.Contains(id) && !Lexicon.Subjects.Contains(id))) return false;
            if (!NamesNothing(id) && !Lexicon.Pronouns.Contains(id) && !Lexicon.DimensionNouns.Contains(id) && !Lexicon.AsideVerbs.Contains(id)
                && !Lexicon.LeaveVerbs.Contains(id) && !Lexicon.DismissalPredicates.Contains(id) && !Lexicon.VagueNouns.Contains(id)
                && !Lexicon.LinkingVerbs.Contains(id)) return true;
        }
        return false;
    }

    /// <summary>
    /// "need to monitor the cache hit rate", "need to evaluate the candidate generator": a dimension named by its verb
    /// after "to", with an object of its own in the clause. "need to monitor it", "need to monitor anything" have none.
    /// </summary>
    private static bool VerbWithObject(Token[] tokens, UnitFeatures f, int[] clause, PhraseHit hit)
    {
        if (hit.Start == f.TokenStart || tokens[hit.Start - 1].Id != To) return false;
        for (var t = hit.End; t < f.TokenEnd && clause[t - f.TokenStart] == clause[hit.Start - f.TokenStart]; t++)
        {
            var id = tokens[t].Id;
            if (!NamesNothing(id) && !Lexicon.Pronouns.Contains(id) && !Lexicon.VagueNouns.Contains(id) && !Lexicon.AdverbialLeads.Contains(id))
                return true;
        }
        return false;
    }

    private static readonly int To = Vocabulary.Intern("to");

    /// <summary>
    /// "We don't need GPUs for serving": the cue has an object of its own ("GPUs") and the dimension only says where it
    /// would be used, after a preposition, or when, after a word of time ("Alerts ignore the first hour after a deploy").
    /// "We don't need any monitoring" or "skip the details of serving" name no object.
    /// </summary>
    private static bool ModifiesAnObject(Token[] tokens, PhraseHit hit, PhraseHit cue)
    {
        // "with the heavy model": a determiner and a word or two may stand between the preposition and the name.
        var p = hit.Start - 1;
        while (p > cue.End && hit.Start - p <= MaxWordsAfterPreposition && !Lexicon.AdverbialLeads.Contains(tokens[p].Id)
               && (Lexicon.Determiners.Contains(tokens[p].Id) || !Lexicon.FunctionWords.Contains(tokens[p].Id))) p--;
        if (p < cue.End || !Lexicon.AdverbialLeads.Contains(tokens[p].Id)) return false;
        for (var t = cue.End; t < p; t++)
            if (!Filler(tokens[t].Id) && !Lexicon.WholeAdverbs.Contains(tokens[t].Id)) return true;
        return false;
    }

    private const int MaxWordsAfterPreposition = 3;

    /// <summary>
    /// "We don't need data from other regions", "monitoring of the embedding service itself": after the cue, "from", "of"
    /// or "beyond" right after the name and words of their own after it say which of it is waved away ("evaluation of any
    /// kind" names nothing). "We don't need monitoring for v1" or "for a ranker that is retrained daily" say when or why.
    /// </summary>
    private static bool SaysWhich(Token[] tokens, UnitFeatures f, int[] clause, PhraseHit hit, PhraseHit cue)
    {
        var after = hit.End;
        var own = clause[hit.Start - f.TokenStart];
        if (hit.Start < cue.End || after >= f.TokenEnd || clause[after - f.TokenStart] != own || !Lexicon.SubsetLeads.Contains(tokens[after].Id)) return false;
        for (var t = after + 1; t < f.TokenEnd && t <= after + MaxWordsAfterPreposition && clause[t - f.TokenStart] == own; t++)
            if (!NamesNothing(tokens[t].Id) && !Lexicon.VagueNouns.Contains(tokens[t].Id)) return true;
        return false;
    }

    /// <summary>
    /// A dimension named before a negated predicate that has an object of its own is not what the predicate negates:
    /// in a reason before a connector or comma ("We use a pretrained model, so we don't need to train much"), or as
    /// the subject of "need" ("serving doesn't need a GPU"). "Monitoring is covered, so we don't need it" and
    /// "monitoring doesn't need much effort" keep their target: a pronoun or effort is no object.
    /// </summary>
    private static bool NegatesSomethingElse(NormalizedText text, Token[] tokens, UnitFeatures f, int[] clause, PhraseHit hit, PhraseHit cue)
    {
        // Only a negated predicate ("don't need") takes an object; "not really an ML concern" dismisses what it follows.
        if (cue.End != cue.Start + 1 || !Lexicon.DismissalPredicates.Contains(tokens[cue.Start].Id)) return false;
        var connected = false;
        for (var t = hit.End; t < cue.Start && !connected; t++)
            connected = Lexicon.Connectors.Contains(tokens[t].Id) || text.Lower.AsSpan(tokens[t - 1].End, tokens[t].Start - tokens[t - 1].End).Contains(',');
        if (!connected && !Lexicon.NeedWords.Contains(tokens[cue.Start].Id)) return false;
        var cueClause = clause[cue.Start - f.TokenStart];
        // "Monitoring isn't needed for a carousel": a passive "needed" takes no object; what follows says what for. "The model
        // wasn't required to be interpretable" says what is asked of it, and "Monitoring isn't needed as a separate service"
        // which kind of it is not needed.
        if (!connected && PassiveNeed(text, tokens, cue) && (cue.End == f.TokenEnd || (tokens[cue.End].Id != To && tokens[cue.End].Id != As)))
        {
            var separate = false;
            for (var t = cue.End; t < f.TokenEnd && clause[t - f.TokenStart] == cueClause && !separate; t++)
                separate = Lexicon.SeparateWords.Contains(tokens[t].Id);
            if (!separate) return false;
        }
        for (var t = cue.End; t < f.TokenEnd && clause[t - f.TokenStart] == cueClause; t++)
        {
            // "Monitoring isn't needed for v1": the first version is no object.
            var id = tokens[t].Id;
            if (!NamesNothing(id) && !Lexicon.DismissalPredicates.Contains(id)) return true;
        }
        return false;
    }

    private static readonly int As = Vocabulary.Intern("as");

    /// <summary>"Nothing more", "no further": after a negation, what is there suffices.</summary>
    private static readonly HashSet<int> MoreWords = [.. AnswerTokenizer.InternPhrase("more else further extra additional")];

    /// <summary>"isn't needed", "is not required": the cue is a passive participle, which takes no object.</summary>
    private static bool PassiveNeed(NormalizedText text, Token[] tokens, PhraseHit cue) =>
        cue.End == cue.Start + 1 && text.Lower.AsSpan(tokens[cue.Start].Start, tokens[cue.Start].End - tokens[cue.Start].Start) is "needed" or "required";

    private static bool ConnectorBetween(Token[] tokens, int from, int to)
    {
        for (var t = from; t < to; t++)
            if (Lexicon.Connectors.Contains(tokens[t].Id)) return true;
        return false;
    }

    /// <summary>"feature store", "data warehouse": the alias modifies another noun, so it is not the dimension ("monitoring seems" is no noun).</summary>
    private static bool IsCompound(NormalizedText text, Token[] tokens, PhraseHit hit, int end)
    {
        if (hit.End >= end) return false;
        for (var i = tokens[hit.End - 1].End; i < tokens[hit.End].Start; i++)
            if (text.Lower[i] is not (' ' or '-')) return false;
        var next = tokens[hit.End].Id;
        if (Lexicon.DimensionNouns.Contains(next) || Lexicon.WholeAdverbs.Contains(next) || Lexicon.Discourse.Contains(next)
            || Lexicon.LinkingVerbs.Contains(next)) return false;
        // "data for ranking" is a compound; "evaluation for now" is not.
        if (Lexicon.Prepositions.Contains(next))
            return hit.End + 1 < end && !NamesNothing(tokens[hit.End + 1].Id);
        return !Lexicon.FunctionWords.Contains(next) && !Lexicon.Negations.Contains(next);
    }

    /// <summary>
    /// "we don't need real-time serving; a nightly batch job is enough": the sentence names what replaces
    /// the negated option (an alternative marker), and the option is qualified or the replacement belongs
    /// to the same dimension.
    /// </summary>
    private static bool NamesReplacement(RubricMatcher matcher, Token[] tokens, UnitFeatures f, int[] clause, PhraseHit cue,
        PhraseHit aliasHit, int dimension, List<PhraseHit> scratch)
    {
        scratch.Clear();
        Lexicon.AlternativeMarkers.Match(tokens, f.TokenStart, f.TokenEnd, scratch);
        if (!scratch.Any(m => m.Start >= cue.End || m.End <= cue.Start)) return false;

        var qualified = aliasHit.End - aliasHit.Start > 1
            || (aliasHit.Start > f.TokenStart && clause[aliasHit.Start - 1 - f.TokenStart] == clause[aliasHit.Start - f.TokenStart]
                && !Lexicon.FunctionWords.Contains(tokens[aliasHit.Start - 1].Id)
                && !Lexicon.Negations.Contains(tokens[aliasHit.Start - 1].Id)
                && (aliasHit.Start - 1 < cue.Start || aliasHit.Start - 1 >= cue.End));
        if (qualified) return true;

        var cueClause = clause[cue.Start - f.TokenStart];
        scratch.Clear();
        matcher.Mentions.Match(tokens, f.TokenStart, f.TokenEnd, scratch);
        if (scratch.Any(h => h.Payload == dimension && clause[h.Start - f.TokenStart] != cueClause)) return true;
        foreach (var hit in f.Concepts)
            if (matcher.Criteria[hit.Criterion].Dimension == dimension) return OutsideClauseConcept(matcher, tokens, f, clause, cueClause, dimension);
        return false;
    }

    /// <summary>
    /// "We don't need a separate serving setup: the existing ANN service can host the new index": a separate one is not
    /// needed when, after a colon or semicolon, something that exists already, or the dimension's own design, does the
    /// job. "We don't need a separate monitoring setup; it's static." names neither, and without "separate" the
    /// dimension itself is waved away ("No monitoring required; the model is retrained daily anyway").
    /// </summary>
    private static bool ExistingAfterColon(string lower, RubricMatcher matcher, Token[] tokens, UnitFeatures f, int[] clause, PhraseHit cue,
        PhraseHit name, int dimension)
    {
        if (!Lexicon.NeedWords.Contains(tokens[cue.Start].Id)) return false;
        if (name.Start == f.TokenStart || !Lexicon.SeparateWords.Contains(tokens[name.Start - 1].Id)) return false;
        var cueClause = clause[cue.Start - f.TokenStart];
        var next = cue.End;
        while (next < f.TokenEnd && clause[next - f.TokenStart] == cueClause) next++;
        if (next == f.TokenEnd || lower.AsSpan(tokens[next - 1].End, tokens[next].Start - tokens[next - 1].End).IndexOfAny(':', ';') < 0) return false;
        for (var t = next; t < f.TokenEnd; t++)
            if (Lexicon.ExistingWords.Contains(tokens[t].Id)) return true;
        return ConceptIn(matcher, tokens, next, f.TokenEnd, dimension);
    }

    /// <summary>A concept of the dimension in the tokens [from, to).</summary>
    private static bool ConceptIn(RubricMatcher matcher, Token[] tokens, int from, int to, int dimension)
    {
        var hits = new List<PhraseHit>();
        matcher.Concepts.Match(tokens, from, to, hits);
        return hits.Any(h => matcher.DimensionOf(h) == dimension);
    }

    private static bool OutsideClauseConcept(RubricMatcher matcher, Token[] tokens, UnitFeatures f, int[] clause, int cueClause, int dimension)
    {
        var hits = new List<PhraseHit>();
        matcher.Concepts.Match(tokens, f.TokenStart, f.TokenEnd, hits);
        return hits.Any(h => matcher.DimensionOf(h) == dimension && clause[h.Start - f.TokenStart] != cueClause);
    }

    /// <summary>"watching the model", "retraining models": a gerund, maybe with a determiner, right before the name.</summary>
    private static bool ObjectOfActivity(NormalizedText text, Token[] tokens, UnitFeatures f, PhraseHit hit)
    {
        var v = hit.Start - 1;
        if (v >= f.TokenStart && Lexicon.Determiners.Contains(tokens[v].Id)) v--;
        if (v < f.TokenStart || Lexicon.FunctionWords.Contains(tokens[v].Id)) return false;
        // One phrase, only words and spaces between: "**Serving** Deployment is out of scope" has a lead, not a gerund.
        foreach (var c in text.Lower.AsSpan(tokens[v].End, tokens[hit.Start].Start - tokens[v].End))
            if (c != ' ' && !char.IsLetter(c)) return false;
        // "Getting the data is someone else's problem": a verb of just doing it leaves the dimension what is waved away.
        if (Lexicon.WorkGerunds.Contains(tokens[v].Id)) return false;
        var word = text.Lower.AsSpan(tokens[v].Start, tokens[v].End - tokens[v].Start);
        return word.Length > 5 && word.EndsWith("ing");
    }

    /// <summary>
    /// A concept or a name of the dimension in the tokens [from, to): after the cue ("we skip it and report per-class
    /// PR-AUC instead"), or in the reason after a no ("Do we need monitoring? Not really, just weekly retraining." keeps
    /// that part of it, so the question dismisses nothing).
    /// </summary>
    private static bool NamedIn(RubricMatcher matcher, Token[] tokens, int from, int to, int dimension)
    {
        if (ConceptIn(matcher, tokens, from, to, dimension)) return true;
        var hits = new List<PhraseHit>();
        matcher.Mentions.Match(tokens, from, to, hits);
        return hits.Any(h => h.Payload == dimension);
    }

    /// <summary>"We don't need exact neighbours, so an approximate index is fine": what replaces the negated thing follows it.</summary>
    private static bool ReplacementAfter(Token[] tokens, UnitFeatures f, PhraseHit cue, List<PhraseHit> scratch)
    {
        scratch.Clear();
        Lexicon.AlternativeMarkers.Match(tokens, cue.End, f.TokenEnd, scratch);
        return scratch.Count > 0;
    }

    /// <summary>
    /// Whether the cue's clause talks about something concrete (a concept or a dimension name) besides the cue's own
    /// words: "scope" in "Out of scope" is a concept of a rubric that asks about scope, not a topic of the clause.
    /// </summary>
    private static bool ClauseHasTopic(RubricMatcher matcher, Token[] tokens, UnitFeatures f, int[] clause, PhraseHit cue, List<PhraseHit> scratch)
    {
        scratch.Clear();
        matcher.Concepts.Match(tokens, f.TokenStart, f.TokenEnd, scratch);
        matcher.Mentions.Match(tokens, f.TokenStart, f.TokenEnd, scratch);
        var cueClause = clause[cue.Start - f.TokenStart];
        return scratch.Any(h => clause[h.Start - f.TokenStart] == cueClause && (h.End <= cue.Start || h.Start >= cue.End));
    }

    /// <summary>At each start keeps the longest alias ("offline metrics" over "metrics").</summary>
    private static IEnumerable<PhraseHit> Longest(List<PhraseHit> hits) =>
        hits.GroupBy(h => h.Start).Select(g => g.MaxBy(h => h.End))
            .Where(h => !hits.Any(o => o.Start < h.Start && o.End >= h.End));

    /// <summary>Clause number per token of the unit: clauses end at ; : . ! ? and dashes.</summary>
    private static int[] Clauses(string lower, Token[] tokens, int from, int to)
    {
        var clause = new int[to - from];
        var current = 0;
        for (var t = from; t < to; t++)
        {
            if (t > from)
                for (var i = tokens[t - 1].End; i < tokens[t].Start; i++)
                    if (lower[i] is ';' or ':' or '.' or '!' or '?' || (lower[i] == '-' && i > 0 && lower[i - 1] == ' '))
                    {
                        current++;
                        break;
                    }
            clause[t - from] = current;
        }
        return clause;
    }
}
