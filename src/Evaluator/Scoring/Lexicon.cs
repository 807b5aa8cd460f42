namespace Evaluator.Scoring;

/// <summary>
/// The fixed English word lists the local scorer reasons with: function words, negations, dismissal
/// and justification cues, vagueness. Rubric-specific vocabulary comes from the rubric, never from here.
/// </summary>
internal static class Lexicon
{
    /// <summary>Words that carry no topic: never case vocabulary, never a named choice.</summary>
    public static readonly HashSet<int> FunctionWords = Ids(
        "a an the and or but nor so yet of to in on at by for with from into onto over under about as than then " +
        "is are was were be been being am do does did doing have has had having will would shall should can could may " +
        "might must it its this that these those there here they them their we our us you your i me my he she his her " +
        "which who whom whose what when where why how if because since while whereas also just only very more most less " +
        "least much many some any each every all both either neither other another such same own not no yet too " +
        "up down out off again further once also well even still per via vs e g ie eg etc let lets like such including especially i'd we'd we'll " +
        "i'll i've we've you'll they'll they'd you'd " +
        "it's that's there's i'm we're they're can't don't won't isn't aren't doesn't didn't shouldn't wouldn't");

    /// <summary>Words every ML design answer uses: not evidence that an answer is tied to its case.</summary>
    public static readonly HashSet<int> GenericWords = Ids(
        "model models data system systems user users use using used train training trained learn learning machine ml ai " +
        "feature features predict prediction predictions good better best great make makes made need needs want get " +
        "also think would like way thing things lot lots really important key approach problem solution design build " +
        "step first second then next final one two three new time set based work works help able sure high low big " +
        "small large simple basic standard usual typical different various several many few number numbers result results " +
        "start go going look looking see show want keep take give run running add write part process use case");

    public static readonly HashSet<int> Negations = Ids(
        "no not never without nor neither none nothing dont doesnt isnt arent wasnt werent wont cant cannot couldnt " +
        "shouldnt wouldnt didnt hardly nobody");

    /// <summary>Predicates that, negated, dismiss their subject: "we don't need", "isn't worth", "doesn't matter".</summary>
    public static readonly HashSet<int> DismissalPredicates = Ids(
        "need needed necessary require required worth deserve deserves matter matters bother spend care worry worried invest " +
        "issue concern relevant useful important point sense");

    /// <summary>
    /// Phrasings that dismiss on their own: "out of scope", "skip", "overkill" (payload 0); with payload
    /// <see cref="OpeningOnly"/>, phrasings that dismiss only when the candidate opens with them: "Forget about
    /// monitoring.", "Let's forget about serving.", "Nothing to discuss.", but not "the model can forget about stale data";
    /// with payload <see cref="Scoping"/>, "I won't cover ...", which under a heading dismisses only without an object.
    /// </summary>
    public static readonly PhraseSet DismissalPhrases = Build(([
        "out of scope", "beyond the scope", "outside the scope", "not in scope", "skip", "skipping", "ignore", "unnecessary",
        "not needed", "not necessary", "not required", "no need", "overkill", "irrelevant", "pointless", "waste of time",
        "makes no sense", "no point", "not worth", "not our concern", "not my concern", "someone else's problem",
        "not an ml", "infrastructure concern", "the platform team", "the platform engineers", "won't bother", "don't bother",
        "wouldn't bother", "would not bother", "not bother with", "there's nothing to do", "there is nothing to do",
        "not a priority", "not really an ml", "not really ml", "not really a machine learning",
        "not a machine learning", "someone else's job", "someone else's responsibility", "another team's job", "team's job", "team's problem", "team's responsibility",
        "another team's problem", "not our problem", "not my problem", "not our job", "handled elsewhere",
        "just use whatever", "use whatever they already", "use whatever we already", "use whatever exists",
        "nothing for me to design", "nothing left to do", "a solved problem", "an engineering detail", "an implementation detail",
        "just engineering", "just plumbing", "a luxury", "isn't my problem", "isn't our problem", "isn't my concern",
        "isn't our concern", "isn't my job", "isn't our job", "not my area", "isn't my area", "not really my area", "isn't really my area",
        "not in my remit", "not in our remit", "outside my remit", "outside our remit", "beyond my remit", "not my remit",
        "someone else's headache", "not my headache", "not our headache", "another team's headache",
        "devops's job", "devops' job", "ops's job",
        "superfluous", "unneeded", "inessential", "dispensable", "descoped", "de-scoped",
        "hand-wave", "handwave", "hand wave", "punt on", "punting on", "beyond what i'd", "beyond what we'd",
        "beyond what i would", "beyond what we need", "can do without", "could do without", "can live without",
        "can wait until after", "can wait till after", "can wait for later", "can wait for a later", "can wait for v2",
        "can come later", "a phase-two thing", "wouldn't sweat", "won't sweat", "not going to sweat", "moot", "not fussed about",
        "a non-starter", "a non-issue", "for another day", "above my pay grade", "not losing any sleep over", "not losing sleep over",
        "breeze past", "breeze through", "gloss over", "the boring bit", "the boring part", "bogged down in", "hung up on",
        "down that rabbit hole", "down the rabbit hole", "cross that bridge", "won't be doing any", "let's table", "i'd table",
        "going to pass on", "i'll pass on", "i'd pass on", "we'll pass on", "faff about with", "faff around with", "a phase two thing", "a v2 thing", "a problem for later", "a later problem",
        // Sarcasm that grants a dimension only in a world without deadlines: "Monitoring? Sure, if we had infinite time."
        "sure if we had infinite time", "sure if we had unlimited time", "sure with infinite time", "sure with unlimited time"], 0),
        (["forget about", "nothing to discuss", "won't do", "will not do", "nice to have won't do", "drop"], OpeningOnly),
        (["leave it to", "leave this to", "leave that to"], HandOver),
        (["none", "no", "nope", "nothing", "n/a", "not applicable", "tbd", "todo", "to be decided", "to be determined", "to do"], AloneOnly),
        (["i'm not going to cover", "i am not going to cover", "we're not going to cover", "we are not going to cover",
          "i won't cover", "we won't cover", "i will not cover", "we will not cover",
          "nothing to watch", "nothing to monitor", "nothing to design", "nothing worth watching", "nothing worth monitoring",
          "not much to watch", "not much to monitor", "don't see much to watch", "don't see much to monitor",
          "little to watch", "little to monitor", "not much worth watching", "not much worth monitoring",
          "nothing to say", "nothing interesting to say", "wasted time", "wasted effort", "waste of effort",
          "park", "who needs", "who cares about", "as if anyone needs", "as if anybody needs",
          "as if anyone cares about", "as if anybody cares about"], Scoping),
        (["rather not go into", "rather not get into", "won't go into", "not going to go into", "won't get into",
          "not going to get into", "rather not talk about", "rather not discuss", "i won't discuss",
          "we won't discuss", "i will not discuss", "i'm not going to discuss", "i am not going to discuss",
          "waste words on", "waste any words on", "waste time on", "waste any time on", "waste much time on",
          "won't say anything about", "not going to say anything about", "won't say much about"], Effort),
        (["can't see why", "cannot see why", "don't see why", "do not see why", "fail to see why", "see no reason to",
          "there's no reason to", "there is no reason to", "can't see the point", "don't see the point", "see no point"], Ahead));

    public const int OpeningOnly = 1;

    /// <summary>Payload of cues that dismiss only as a unit of a few words: "None, really." under a heading, not "None of the models ...".</summary>
    public const int AloneOnly = 3;

    /// <summary>Payload of cues that scope out their object ("we won't cover ads ranking"): with one, no dismissal.</summary>
    public const int Scoping = 2;

    /// <summary>
    /// Payload of cues that decline to talk about something ("I'd rather not go into serving."): a dismissal only when
    /// the dimension follows and ends the clause, so "rather not go into production without a shadow period" is not one.
    /// </summary>
    public const int Effort = 4;

    /// <summary>
    /// Payload of cues that hand something to someone else ("I'd leave this to the platform team"): what follows is who
    /// takes it, never what is waved away ("leave it to the model by adding position as a feature" dismisses no modelling).
    /// </summary>
    public const int HandOver = 5;

    /// <summary>
    /// Payload of cues whose object follows them ("I can't see why we'd monitor this", "There's no reason to retrain"): a
    /// name before one is who sees no reason ("The model would see no reason to rank old posts first"), not what is waved away.
    /// </summary>
    public const int Ahead = 6;

    /// <summary>
    /// Payload of a "leave ... aside" or "leave ... out" cue, which the dismissal detector finds by its verb rather than in
    /// these lists; kept here so that no two payloads share a value.
    /// </summary>
    public const int LeaveOut = 7;

    /// <summary>What may follow a cue that opens a unit and still leave it without an object: "Out of scope for this interview."</summary>
    public static readonly HashSet<int> ScopeFiller = Ids("interview question here now today discussion exercise case round v1 mvp launch first version ml engineer scientist role");

    /// <summary>Words that grant something only in theory: "Monitoring is nice in theory, but ...".</summary>
    public static readonly PhraseSet ConcessionMarkers = Phrases(
        "in theory", "on paper", "ideally", "in an ideal world", "in principle", "textbook", "by the book");

    /// <summary>"..., said no one ever", "said nobody ever": the claim before them is meant the other way round.</summary>
    public static readonly HashSet<int> Said = Ids("said");

    public static readonly HashSet<int> Nobody = Ids("no nobody noone");

    public static readonly HashSet<int> Ever = Ids("ever");

    /// <summary>Words that value something little without dismissing it outright: "Monitoring is optional".</summary>
    public static readonly PhraseSet Devaluing = Phrases("optional", "overrated", "nice to have", "nice-to-have", "a waste", "just a detail");

    /// <summary>Words that open the real plan after a concession: "In theory ... . In practice I'd skip it."</summary>
    public static readonly PhraseSet ContrastOpeners = Phrases(
        "in practice", "in reality", "realistically", "practically", "in the real world", "but", "however");

    /// <summary>A cue about how deep to go, not whether: "I won't cover the model in depth", "forget about it for a moment".</summary>
    public static readonly HashSet<int> DepthWords = Ids("depth detail details length second moment minute");

    /// <summary>Words after what a cue declines that make it a matter of depth: "into monitoring too much", "again".</summary>
    public static readonly HashSet<int> DepthAfter = Ids("much further again deeper detail details depth length yet now later");

    /// <summary>The word before a depth word that makes it one: "in depth", "in much detail", "for a moment", "the details of".</summary>
    public static readonly HashSet<int> DepthLeads = Ids("in into at a much more great any the");

    /// <summary>Words that open a noun phrase: in English never followed by a preposition, a verb form or a pronoun.</summary>
    public static readonly HashSet<int> NounOpeners = Ids("the our my their your");

    /// <summary>What never follows a noun opener: "the of", "the is", "our we" turn up only in scrambled text ("the why, then
    /// the how" can, so no question words).</summary>
    public static readonly HashSet<int> NeverAfterOpener = Ids(
        "the of in on at by for with from into to as than is are was were be been do does did has have had will would can " +
        "could should must may might shall i we you they he she it them us me and or but nor because if while since " +
        "although not its our my their your these those i'd we'd i'll we'll it's " +
        "that's there's i'm we're they're can't don't won't isn't aren't doesn't didn't");

    /// <summary>The placeholder text of typesetting, "Lorem ipsum dolor sit amet": filler, whatever terms are sprinkled in it.</summary>
    public static readonly HashSet<int> LoremIpsum = Ids(
        "lorem ipsum dolor amet consectetur adipiscing elit eiusmod tempor incididunt labore dolore magna aliqua veniam nostrud");

    /// <summary>Words that link or count terms in a statement ("via", "versus", "four weeks"): a run of terms with one is a note, not a list.</summary>
    public static readonly HashSet<int> Linking = Ids("through plus versus vs via above below near behind instead three four five six seven eight nine");

    /// <summary>Nouns for a piece of the answer itself: "This part is not needed.", "The rest is out of scope."</summary>
    public static readonly HashSet<int> PartNouns = Ids("part step section stage side bit piece phase aspect stuff topic rest");

    /// <summary>Words before an adjective and its noun: "the heavy model", "a separate setup".</summary>
    public static readonly HashSet<int> Determiners = Ids("the a an this that these those our my their its");

    public static readonly HashSet<int> Articles = Ids("a an");

    /// <summary>Subjects of a clause: after one, the next word is a verb ("I'll leave ...", "let's skip ...").</summary>
    public static readonly HashSet<int> Subjects = Ids("i we you they i'd we'd i'll we'll you'll they'll i'm let's lets us");

    /// <summary>Words a dismissal may open with that name nothing: "Honestly, I'd say not needed."</summary>
    public static readonly HashSet<int> Discourse = Ids("honestly frankly really probably just also well ok okay say think guess imo something anything");

    /// <summary>Words that may come before an opening dismissal: "let's", "we can", "I'd just".</summary>
    public static readonly HashSet<int> OpeningWords = Ids("let's lets let us we i can could just so and then i'd we'd i'll we'll honestly");

    /// <summary>Dismissals only when they end their clause: "Data is given." but not "each post is given a score".</summary>
    public static readonly PhraseSet ClauseEndDismissals = Phrases(
        "is given", "are given", "is a given", "are a given", "'s a given", "is taken care of", "are taken care of", "is handled elsewhere");

    /// <summary>"leave monitoring aside", "set the data part aside": the verb before "aside" makes it a dismissal.</summary>
    public static readonly HashSet<int> AsideVerbs = Ids("leave leaving set setting put putting");

    public static readonly int Aside = Ids("aside").Single();

    /// <summary>"leave evaluation out", "Evaluation I'd leave out": only "leave" makes "out" a dismissal ("set out", "roll out" do not).</summary>
    public static readonly int Out = Ids("out").Single();

    public static readonly HashSet<int> LeaveVerbs = Ids("leave leaving");

    /// <summary>Words that join the names in a title: "Data and labels", "Evaluation of the ranker".</summary>
    public static readonly HashSet<int> TitleJoiners = Ids("and or the of");

    /// <summary>Verbs that work like "is": "Evaluation feels unnecessary here", "Monitoring seems like overkill".</summary>
    public static readonly HashSet<int> LinkingVerbs = Ids("feels feel seems seem looks look sounds sound appears appear");

    public static readonly int Of = Ids("of").Single();

    /// <summary>
    /// Words after a cue that keep something: "nothing to watch except the retrain job", "beyond the latency budget",
    /// "no more monitoring than the standard dashboards".
    /// </summary>
    public static readonly HashSet<int> Exceptions = Ids("except besides beyond than");

    /// <summary>What a dismissal withholds from its pronoun: "won't spend much time on it".</summary>
    public static readonly HashSet<int> EffortWords = Ids("time effort energy words detail details attention thought work discussion");

    /// <summary>Verbs that only carry effort in a dismissal: "won't need to spend time on it", "don't need to go into it".</summary>
    public static readonly HashSet<int> EffortVerbs = Ids("spend spending discuss discussing go going talk talking dwell cover covering think");

    /// <summary>Predicates whose negation may narrow their subject: "serving doesn't need a GPU".</summary>
    public static readonly HashSet<int> NeedWords = Ids("need needs needed require requires required");

    /// <summary>
    /// Who may take a part of the work off the candidate's hands: "leave it to the platform team", "to ops", "to someone
    /// else". Not "platform" or "infra" alone, which are as often components ("leave it to the platform to autoscale").
    /// </summary>
    public static readonly HashSet<int> Parties = Ids("team teams ops devops sre sres mlops engineers someone somebody colleagues folks people analysts");

    /// <summary>The candidate's own side after a negation: "someone else's job, not mine" ("..., not us" rejects what others say).</summary>
    public static readonly HashSet<int> Own = Ids("mine ours");

    /// <summary>
    /// Gerunds that only mean doing a dimension's work: "Getting the data is someone else's problem" waves data away, where
    /// "watching the model" is another activity (monitoring) done to it.
    /// </summary>
    public static readonly HashSet<int> WorkGerunds = Ids("getting collecting gathering sourcing acquiring obtaining preparing building designing doing handling");

    /// <summary>Pronouns a dismissal may point with: "I won't spend time on it", "It's out of scope".</summary>
    public static readonly HashSet<int> Pronouns = Ids("it its itself this that thats them these themselves");

    /// <summary>Words that join a reason or a consequence to a clause: "..., so we don't need ...".</summary>
    public static readonly HashSet<int> Connectors = Ids("so because since therefore thus hence which but");

    /// <summary>Words after which a negated design choice names its replacement: "a nightly batch job is enough".</summary>
    public static readonly PhraseSet AlternativeMarkers = Phrases(
        "enough", "instead", "rather", "suffice", "suffices", "sufficient", "is fine", "will do", "works fine", "is plenty",
        "do the job", "does the job", "are plenty", "are fine", "work fine", "works well", "work well");

    /// <summary>Words that point at what is in place already: "the existing ANN service can host it", "the same Redis".</summary>
    public static readonly HashSet<int> ExistingWords = Ids("existing already same current");

    /// <summary>Words that ask for one more of something: "a separate serving setup", "a dedicated monitoring stack".</summary>
    public static readonly HashSet<int> SeparateWords = Ids("separate dedicated extra additional another own");

    /// <summary>Nouns that, after a dimension's name, still mean the dimension: "skip the data part", "a monitoring setup".</summary>
    public static readonly HashSet<int> DimensionNouns = Ids(
        "part step section stage side bit piece work question questions phase aspect stuff topic discussion " +
        "detail details specifics aspects layer component components concerns considerations design story prep " +
        "gathering setup");

    /// <summary>
    /// Adverbs after a dimension's name that widen, not compound it: "skip evaluation entirely"; adjectives before it that
    /// mean all of it, not one kind: "the whole model", "a formal evaluation feels unnecessary".
    /// </summary>
    public static readonly HashSet<int> WholeAdverbs = Ids(
        "entirely completely altogether fully totally wholly now anyway whole entire whatever " +
        "formal proper rigorous");

    /// <summary>Nouns that name nothing in particular: "monitoring this thing", "evaluation of any kind", "monitor the system".</summary>
    public static readonly HashSet<int> VagueNouns = Ids("thing things system systems stuff opinion view kind sort type way model models launch");

    /// <summary>Words that make "any X will do" a shrug about a whole dimension only in a baseline's absence.</summary>
    public static readonly HashSet<int> BaselineWords = Ids("baseline baselines start starting initially first prototype");

    /// <summary>Prepositions that narrow a name to some of it: "data from other regions", "monitoring of the embedding service".</summary>
    public static readonly HashSet<int> SubsetLeads = Ids("from of beyond outside");

    public static readonly HashSet<int> Prepositions = Ids("from about on for of in at beyond per with across between within");

    /// <summary>Prepositions that open a phrase of time or place before a cue: "After release there is nothing to do."</summary>
    public static readonly HashSet<int> AdverbialLeads = [.. Prepositions, .. Ids("after before during since until once without")];

    /// <summary>Reasons, contrasts, costs and failure modes: what makes a specific answer a justified one.</summary>
    public static readonly string[] Justifications = [
        "because", "since", "so that", "therefore", "thus", "hence", "instead of", "rather than", "at the cost of",
        "the cost of", "costs", "cheaper", "more expensive", "too expensive", "trade-off", "tradeoff", "trade off",
        "trades", "versus", "vs", "compared to", "compared with", "compare", "alternative", "alternatively", "otherwise",
        "which means", "that means", "in order to", "to avoid", "avoids", "prevent", "prevents", "leak", "leakage",
        "leaks", "risk", "risks", "failure", "fails", "fall back", "fallback", "falls back", "only if", "unless",
        "whereas", "unlike", "the downside", "downside", "drawback", "outweigh", "outweighs", "at the expense of",
        "the reason", "inflate", "inflates", "would miss", "would leak", "is worse than", "matters more"];

    /// <summary>Weaker hints of reasoning weigh half: contrasts, consequences, comparatives, conditions.</summary>
    public static readonly string[] WeakReasons = [
        "so", "but", "however", "although", "while", "if", "too", "better", "faster", "slower", "worse", "cheaper",
        "more accurate", "bias", "biased", "hurt", "hurts", "cannot", "can't", "ensures", "guarantee", "wins", "beats"];

    /// <summary>Hedges and fillers of a generic answer.</summary>
    public static readonly string[] Vagueness = [
        "some kind of", "some sort of", "something like", "maybe", "probably", "etc", "and so on", "whatever",
        "somewhere", "somehow", "when needed", "if needed", "as needed", "regularly", "sometimes", "any issues",
        "for problems", "make sure", "good quality", "high quality", "the usual", "standard stuff", "best practices",
        "state of the art", "state-of-the-art", "very good", "works well", "work well", "really good", "and more"];

    public const int Reason = 0;
    public const int WeakReason = 1;
    public const int Vague = 2;

    /// <summary>Reasons, weak reasons and hedges in one pass; payload <see cref="Reason"/>, <see cref="WeakReason"/> or <see cref="Vague"/>.</summary>
    public static readonly PhraseSet Tone = Build((Justifications, Reason), (WeakReasons, WeakReason), (Vagueness, Vague));

    /// <summary>One-word cues that can describe a noun: "skipped videos", "irrelevant results", "unnecessary calls".</summary>
    public static readonly HashSet<int> Describing = Ids("skip ignore irrelevant unnecessary pointless");

    /// <summary>Cues that are verbs ("skip monitoring", "ignore serving"): only their participle describes ("skipped videos").</summary>
    public static readonly HashSet<int> DismissalVerbs = Ids("skip ignore");

    /// <summary>Words that make a list item a clause rather than a bare term: "we oversample", "it leaks".</summary>
    public static readonly HashSet<int> ClauseWords = Ids(
        "is are was were be been being am we i you they he she it would will should can could must may might because " +
        "so since that which who when where if then do does did dont have has had need needs use uses using want let " +
        "make makes gets get goes keep keeps i'd we'd we'll it's that's there's");

    /// <summary>Verbs that only introduce a list: "we must consider", "we will track", "options include".</summary>
    public static readonly HashSet<int> LightVerbs = Ids(
        "consider considering use using measure track monitor include includes including cover collect log evaluate " +
        "leverage employ apply try explore add think account look handle watch are");

    /// <summary>Words that attach a purpose or explanation to a list: "to catch ...", "which ...", "so ...".</summary>
    public static readonly HashSet<int> Purpose = Ids("to because so which since that where when");

    public static readonly HashSet<int> ListConjunctions = Ids("and or plus");

    /// <summary>Words a list of terms may be strung on instead of commas.</summary>
    public static readonly HashSet<int> ListJoiners = Ids("and or plus with");

    /// <summary>Spelled-out quantities that count like digits.</summary>
    public static readonly HashSet<int> NumberWords = Ids(
        "ten twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions " +
        "billion billions dozen dozens half quarter twice percent");

    /// <summary>Units that make a number a quantity: "200 ms", "30 seconds", "10 GPUs".</summary>
    public static readonly HashSet<int> Units = Ids(
        "ms millisecond milliseconds s sec second seconds minute minutes min hour hours h day days week weeks month months " +
        "year years percent pixel pixels px gb tb mb qps rps user users request requests item items k m b x " +
        "gpu gpus cpu cpus node nodes machine machines");

    /// <summary>Words before the subject of a plan: "Then we ...", "First, I ...".</summary>
    public static readonly HashSet<int> PlanLeads = Ids("then first next so and also finally after that afterwards");

    /// <summary>The candidate as the subject of a plan, with the modal in it: "I'd", "we'll".</summary>
    public static readonly HashSet<int> PlanSubjectsWithModal = Ids("i'd we'd i'll we'll");

    /// <summary>The candidate as the subject of a plan that still needs a modal: "I would", "my plan is to".</summary>
    public static readonly HashSet<int> PlanSubjects = Ids("i we my our");

    /// <summary>Words that make the verb after them a plan: "would", "can", "plan to", "going to".</summary>
    public static readonly HashSet<int> PlanModals = Ids("would will can could should might plan going");

    /// <summary>Words that may stand between the subject and the verb of a plan: "would just", "plan is to".</summary>
    public static readonly HashSet<int> PlanFillers = Ids("just also then first simply probably is to am are");

    /// <summary>Verbs of building a model or using one: a plan for the design, not a requirement of the problem.</summary>
    public static readonly HashSet<int> PlanVerbs = Ids(
        "use train build apply deploy embed employ leverage implement develop pretrain fine-tune finetune feed teach find");

    private static HashSet<int> Ids(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(AnswerTokenizer.InternPhrase).ToHashSet();

    private static PhraseSet Build(params (string[] Phrases, int Payload)[] lists)
    {
        var set = new PhraseSet();
        foreach (var (phrases, payload) in lists)
            foreach (var phrase in phrases) set.Add(phrase, payload);
        return set;
    }

    private static PhraseSet Phrases(params string[] phrases)
    {
        var set = new PhraseSet();
        foreach (var phrase in phrases) set.Add(phrase, 0);
        return set;
    }
}
