using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Evaluator.Organisations;
using Evaluator.Rubrics;
using Evaluator.Tests.Api;
using Evaluator.Tests.Cli;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Evaluator.Tests.Browser;

/// <summary>
/// The candidate's page at "/" in a real Chromium against a real server process on 127.0.0.1:
/// a whole interview typed into the chat, a reload mid-way, the report and its Markdown download.
/// </summary>
public sealed class InterviewPageTests(BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string CaseId = "news-feed";

    private static readonly RubricSet Rubrics = RubricLoader.LoadFolder(TestPaths.Rubrics);
    private static readonly CaseRubric Case = Rubrics.Get(CaseId);

    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        // A fresh context per test: its own localStorage, so no session leaks between tests.
        _context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = browser.Server.BaseAddress.ToString(),
            AcceptDownloads = true,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        _context.SetDefaultTimeout(20_000);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task Candidate_walks_every_step_reloads_midway_and_gets_a_report_with_exemplars_for_what_was_missed()
    {
        // Arrange
        var page = await OpenPageAsync();
        await StartAsync(page);

        // Act: a clarifying question is answered from the case's facts and keeps the step.
        await AnswerAsync(page, "How many daily active users are there?");
        await Expect(LastReply(page)).ToContainTextAsync("2 billion");
        await Expect(CurrentStep(page)).ToHaveAttributeAsync("data-step", "clarify-requirements");

        // Strong answers from the rubric's exemplars move the coverage bars and the steps.
        await AnswerStepAsync(page, "clarify-requirements");
        Assert.True(await CoverageAsync(page, Dimensions.Requirements) > 0, "requirements coverage should move");
        await AnswerStepAsync(page, "frame-problem");
        await AnswerStepAsync(page, "data");
        Assert.True(await CoverageAsync(page, Dimensions.Data) > 0, "data coverage should move");

        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputFolder, "interview.png") });

        // A reload mid-way brings back the same transcript, step and coverage, and the session goes on.
        var messages = await page.Locator("#transcript .message").CountAsync();
        var dataCoverage = await CoverageAsync(page, Dimensions.Data);
        await page.ReloadAsync();
        await Expect(page.Locator("#transcript .message")).ToHaveCountAsync(messages);
        await Expect(CurrentStep(page)).ToHaveAttributeAsync("data-step", "model");
        Assert.Equal(dataCoverage, await CoverageAsync(page, Dimensions.Data));
        await AnswerStepAsync(page, "model");
        await AnswerStepAsync(page, "evaluation");

        // Serving and monitoring are skipped, so criteria end up missed.
        await AnswerAsync(page, "Let's move on.");
        await Expect(CurrentStep(page)).ToHaveAttributeAsync("data-step", "monitoring");
        await AnswerAsync(page, "Let's move on.");
        await Expect(CurrentStep(page)).ToHaveAttributeAsync("data-step", "done");
        await page.GetByRole(AriaRole.Button, new() { Name = "End interview and see the report" }).ClickAsync();

        // Assert: the chart has six dimensions, evidence quotes the candidate, missed criteria show their exemplar.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Report: News feed ranking" })).ToBeVisibleAsync();
        await Expect(page.Locator("svg.radar .radar-label")).ToHaveCountAsync(6);
        await Expect(page.Locator("svg.radar polygon.radar-area")).ToHaveCountAsync(1);
        await Expect(page.Locator("#dimensions section.dimension")).ToHaveCountAsync(6);

        var screenshot = Path.Combine(BrowserFixture.OutputFolder, "report.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputFolder, "report-top.png") });
        output.WriteLine($"Report screenshot: {screenshot} (top of the page: report-top.png, the chat: interview.png)");

        var requirementsEvidence = page.Locator("section[data-dimension=requirements] .evidence");
        Assert.True(await requirementsEvidence.CountAsync() > 0, "requirements should show evidence");
        var transcriptText = string.Join('\n', await page.Locator("#transcript .message.candidate .message-text").AllTextContentsAsync());
        var quote = (await requirementsEvidence.First.TextContentAsync())!;
        Assert.Contains(quote, transcriptText, StringComparison.Ordinal);

        var missed = page.Locator(".missed");
        Assert.True(await missed.CountAsync() > 0, "skipping serving and monitoring should leave criteria missed");
        foreach (var item in await missed.AllAsync())
            await Expect(item.Locator(".exemplar-text")).ToHaveTextAsync((await ExemplarOfAsync(item)).Trim());
        var firstMissed = await ExemplarOfAsync(missed.First);

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Download as Markdown" }).ClickAsync());
        var markdown = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.EndsWith(".md", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("# Interview report: News feed ranking", markdown, StringComparison.Ordinal);
        Assert.Contains("## Monitoring", markdown, StringComparison.Ordinal);
        Assert.Contains($"  > {Squash(quote)}", markdown, StringComparison.Ordinal);
        Assert.Contains($"Exemplar: {Squash(firstMissed)}", markdown, StringComparison.Ordinal);
        Assert.Contains("How many daily active users are there?", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_says_when_one_sentence_is_all_a_dimension_rests_on()
    {
        // Arrange
        const string sentence = "Since posts mix text and images, I would fine-tune a pretrained multimodal transformer with a multi-task loss.";
        var page = await OpenPageAsync();
        await StartAsync(page);
        await AnswerAsync(page, sentence);

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "End interview and see the report" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Report: News feed ranking" })).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Download as Markdown" }).ClickAsync());
        var markdown = await File.ReadAllTextAsync((await download.PathAsync())!);

        // Assert: modelling quotes the sentence at level 1 and says why; a dimension with no evidence says nothing of it.
        var modelling = page.Locator("section[data-dimension=modelling]");
        await modelling.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.OutputFolder, "report-one-sentence.png") });
        await Expect(modelling.Locator(".evidence").First).ToHaveTextAsync(sentence);
        await Expect(modelling.Locator(".one-sentence")).ToContainTextAsync("All of this comes from one sentence");
        await Expect(page.Locator("section[data-dimension=serving] .one-sentence")).ToHaveCountAsync(0);
        var modellingMarkdown = markdown[markdown.IndexOf("## Modelling", StringComparison.Ordinal)..];
        Assert.Contains("All of this comes from one sentence", modellingMarkdown[..modellingMarkdown.IndexOf("### Missed", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_answer_shows_the_servers_reason_and_keeps_the_chat_usable()
    {
        // Arrange
        var page = await OpenPageAsync();
        await StartAsync(page);
        var tooLong = new string('x', 20_001);

        // Act
        await page.GetByLabel("Your answer").FillAsync(tooLong);
        await page.GetByLabel("Your answer").PressAsync("Enter");

        // Assert: the reason is shown, the text is given back, and the next answer goes through.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("limit is 20,000");
        await Expect(page.GetByLabel("Your answer")).ToHaveValueAsync(tooLong);
        await Expect(page.Locator("#transcript .message.candidate")).ToHaveCountAsync(0);
        await AnswerAsync(page, "What latency budget do we have?");
        await Expect(LastReply(page)).ToContainTextAsync("200 ms");
    }

    [Fact]
    public async Task Page_reconnects_by_itself_after_a_server_restart_and_the_interview_goes_on()
    {
        // Arrange
        var page = await OpenPageAsync();
        await StartAsync(page);
        await AnswerAsync(page, "How many daily active users are there?");

        // Act: the server dies without warning and comes back on the same port and database.
        browser.Server.Kill();
        await Expect(page.Locator("#connection")).Not.ToHaveAttributeAsync("data-state", "connected");
        await browser.Server.RestartAsync();

        // Assert
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 60_000 });
        await Expect(page.Locator("#transcript .message")).ToHaveCountAsync(3);
        await AnswerAsync(page, "What latency budget do we have?");
        await Expect(LastReply(page)).ToContainTextAsync("200 ms");
    }

    [Fact]
    public async Task Unknown_saved_session_is_reported_and_the_case_picker_comes_back()
    {
        // Arrange
        var page = await OpenPageAsync();
        await page.EvaluateAsync(
            "() => localStorage.setItem('evaluator.session', JSON.stringify({ sessionId: 'no-such-session', resumeToken: 'x', caseId: 'news-feed' }))");

        // Act
        await page.ReloadAsync();

        // Assert
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Could not resume your interview");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Start a mock interview" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Case")).ToBeEnabledAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('evaluator.session')"));
    }

    [Fact]
    public async Task Coachs_link_shares_the_interview_with_the_coach_and_offers_the_organisations_own_case()
    {
        // Arrange: the organisation has its own case, and the coach made a candidate key for the cohort's link.
        var yaml = TestAnswers.RubricYaml("team-feed", "1").Replace("title: News feed ranking", "title: Team feed ranking", StringComparison.Ordinal);
        var (adminKey, candidateKey) = await OrganisationWithItsOwnCaseAsync("cohort-page", "team-feed", yaml);
        using var coach = ClientWith(adminKey);

        // Act: the candidate opens the link, picks the organisation's case and asks a question.
        var page = await OpenPageAsync($"/#key={candidateKey}");
        await Expect(page.Locator("#cohort")).ToContainTextAsync("shared with your coach at cohort-page");
        await page.GetByLabel("Case").SelectOptionAsync("team-feed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team feed ranking" })).ToBeVisibleAsync();
        await AnswerAsync(page, "How many daily active users are there?");
        await Expect(LastReply(page)).ToContainTextAsync("2 billion");

        // Assert: the key left the address bar, and the coach sees the interview on the organisation's case.
        Assert.DoesNotContain(candidateKey, page.Url, StringComparison.Ordinal);
        var sessions = await coach.GetFromJsonAsync<JsonElement>("/api/sessions");
        var session = Assert.Single(sessions.EnumerateArray());
        Assert.Equal("team-feed", session.GetProperty("case").GetString());
        Assert.Equal(1, session.GetProperty("rubricRevision").GetInt32());
        Assert.Equal(1, session.GetProperty("candidateTurns").GetInt32());
    }

    [Fact]
    public async Task Practising_privately_forgets_the_key_of_the_coachs_link()
    {
        // Arrange
        var candidateKey = await CliRun.CreateKeyAsync(browser.Server.DatabasePath, "cohort-private", Roles.Candidate);
        var page = await OpenPageAsync($"/#key={candidateKey}");
        await Expect(page.Locator("#cohort")).ToBeVisibleAsync();

        await page.EvaluateAsync("() => { window.beforeLeaving = true; }");

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Practise privately instead" }).ClickAsync();

        // Assert: once the page has started again and loaded its cases (after checking any key), no key is shown.
        await page.WaitForFunctionAsync("() => window.beforeLeaving === undefined");
        await Expect(page.Locator("#case-select option[value='news-feed']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#cohort")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('evaluator.key')"));
    }

    [Fact]
    public async Task Link_with_a_key_that_is_not_valid_says_so_and_the_candidate_practises_privately()
    {
        // Act
        var page = await OpenPageAsync("/#key=evk_revoked-or-mistyped");

        // Assert: the reason is shown, the key is dropped, and an interview (not filed anywhere) still starts.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");
        await Expect(page.Locator("#cohort")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('evaluator.key')"));
        await StartAsync(page);
    }

    [Fact]
    public async Task Link_with_a_coachs_own_key_is_dropped_so_candidates_cannot_read_the_organisations_data()
    {
        // Arrange
        var coachKey = await CliRun.CreateKeyAsync(browser.Server.DatabasePath, "cohort-mistake", Roles.Coach);

        // Act
        var page = await OpenPageAsync($"/#key={coachKey}");

        // Assert
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("candidate key");
        await Expect(page.Locator("#cohort")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('evaluator.key')"));
    }

    [Fact]
    public async Task Key_revoked_while_the_page_is_open_is_dropped_and_the_next_interview_is_private()
    {
        // Arrange: the page connected with a valid key, which the coach then revokes with the CLI (another process,
        // so the server notices once its cached copy of the key expires: Api:KeyCacheSeconds, 10 s by default).
        var (_, candidateKey) = await OrganisationWithItsOwnCaseAsync(
            "cohort-revoking", "team-revoking", TestAnswers.RubricYaml("team-revoking", "1"));
        var page = await OpenPageAsync($"/#key={candidateKey}");
        await Expect(page.Locator("#cohort")).ToContainTextAsync("cohort-revoking");
        await Expect(page.Locator("#case-select option[value='team-revoking']")).ToHaveCountAsync(1);
        await CliRun.RevokeKeyAsync(browser.Server.DatabasePath, "cohort-revoking", candidateKey[..12]);
        await WaitUntilRefusedAsync(candidateKey);

        // Act
        await page.GetByLabel("Case").SelectOptionAsync(CaseId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();

        // Assert: the reason is shown and the key is gone; the page reconnects without it, no longer offers the
        // organisation's case, and starts a private interview.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");
        await Expect(page.Locator("#cohort")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('evaluator.key')"));
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.Locator("#case-select option[value='team-revoking']")).ToHaveCountAsync(0);
        await StartAsync(page);
    }

    /// <summary>
    /// An organisation as a coach sets it up with the CLI and the API: an admin key, one case of its own uploaded from
    /// <paramref name="yaml"/>, and a candidate key for the cohort's link.
    /// </summary>
    private async Task<(string AdminKey, string CandidateKey)> OrganisationWithItsOwnCaseAsync(string organisation, string caseId, string yaml)
    {
        var database = browser.Server.DatabasePath;
        var adminKey = await CliRun.CreateKeyAsync(database, organisation, Roles.Admin);
        using (var admin = ClientWith(adminKey))
            (await admin.PutAsync($"/api/rubrics/{caseId}", TestAnswers.Yaml(yaml))).EnsureSuccessStatusCode();
        return (adminKey, await CliRun.CreateKeyAsync(database, organisation, Roles.Candidate));
    }

    /// <summary>An HTTP client of the server under test that sends this API key.</summary>
    private HttpClient ClientWith(string key)
    {
        var client = new HttpClient { BaseAddress = browser.Server.BaseAddress };
        client.DefaultRequestHeaders.Add(ApiKeys.Header, key);
        return client;
    }

    /// <summary>Asks GET /api/key until the server refuses the key (bounded at 60 s).</summary>
    private async Task WaitUntilRefusedAsync(string key)
    {
        using var client = ClientWith(key);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetAsync("/api/key")).StatusCode != System.Net.HttpStatusCode.Unauthorized)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The server still accepts the revoked key after 60 s.");
            await Task.Delay(250);
        }
    }

    private async Task<IPage> OpenPageAsync(string path = "/")
    {
        var page = await _context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") output.WriteLine($"browser {message.Type}: {message.Text}");
        };
        await page.GotoAsync(path);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        return page;
    }

    private static async Task StartAsync(IPage page)
    {
        await page.GetByLabel("Case").SelectOptionAsync(CaseId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start interview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Case.Title })).ToBeVisibleAsync();
        await Expect(CurrentStep(page)).ToHaveAttributeAsync("data-step", "clarify-requirements");
        await Expect(LastReply(page)).ToContainTextAsync(Case.Title);
    }

    /// <summary>Types an answer, presses Enter, and waits until the streamed reply and the new step and coverage are in.</summary>
    private static async Task AnswerAsync(IPage page, string text)
    {
        var replies = page.Locator("#transcript .message.interviewer");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeEnabledAsync();
        var before = await replies.CountAsync();
        await page.GetByLabel("Your answer").FillAsync(text);
        await page.GetByLabel("Your answer").PressAsync("Enter");
        await Expect(replies).ToHaveCountAsync(before + 1);
        await Expect(page.Locator("#transcript .message.streaming")).ToHaveCountAsync(0);
        await Expect(page.Locator("#transcript")).ToHaveAttributeAsync("aria-busy", "false");
    }

    /// <summary>
    /// A candidate's answer for each step, in their own words: the rubric's exemplars, pasted in, would be copied rubric
    /// text and no evidence.
    /// </summary>
    private static readonly Dictionary<string, string> StepAnswers = new()
    {
        ["clarify-requirements"] = "The business goal is meaningful interactions, comments and shares between friends, rather than raw "
            + "engagement, because clicks alone reward clickbait. About 2 billion daily active users, 1,500 candidate posts per request, "
            + "and the feed must render within 200 ms at p99.",
        ["frame-problem"] = "I'd frame it as multi-task pointwise prediction: for each user-post pair, predict the probability of a like, "
            + "a comment and a share, and the training label is whether that action happened within a day.",
        ["data"] = "Every impression is a training example joined with the reactions that followed it within 24 hours; features are "
            + "viewer-author closeness, post age, media type and early reaction counts, split by time so nothing leaks.",
        ["model"] = "A GBDT on the same features is the baseline; the main model is a multi-task network with shared layers and one head "
            + "per reaction, trained with binary cross-entropy, because rare reactions like shares learn from common ones.",
        ["evaluation"] = "Offline I'd compare ROC-AUC and log loss per head on the most recent week held out by time; online an A/B test on "
            + "meaningful interactions per user, with hide rate and latency as guardrails.",
    };

    /// <summary>Answers a step in the candidate's words, then asks to move on if the interviewer still probes.</summary>
    private static async Task AnswerStepAsync(IPage page, string step)
    {
        await AnswerAsync(page, StepAnswers[step]);
        if (await CurrentStep(page).GetAttributeAsync("data-step") == step)
            await AnswerAsync(page, "Let's move on.");
        await Expect(CurrentStep(page)).Not.ToHaveAttributeAsync("data-step", step);
    }

    private static async Task<string> ExemplarOfAsync(ILocator missedItem)
    {
        var dimension = await missedItem.Locator("xpath=ancestor::section[@data-dimension]").GetAttributeAsync("data-dimension");
        var id = await missedItem.GetAttributeAsync("data-criterion");
        return Case.Dimensions[dimension!].Single(c => c.Id == id).Exemplar;
    }

    private static ILocator CurrentStep(IPage page) => page.Locator("#current-step");

    private static ILocator LastReply(IPage page) => page.Locator("#transcript .message.interviewer").Last;

    private static async Task<int> CoverageAsync(IPage page, string dimension) =>
        int.Parse(
            (await page.Locator($"#coverage [data-dimension={dimension}] [role=progressbar]").GetAttributeAsync("aria-valuenow"))!,
            CultureInfo.InvariantCulture);

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
