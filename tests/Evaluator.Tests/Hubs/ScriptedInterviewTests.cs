using Evaluator.Interviews;
using Evaluator.Rubrics;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Evaluator.Tests.Hubs;

public class ScriptedInterviewTests(InterviewServerFactory server, ITestOutputHelper output) : IClassFixture<InterviewServerFactory>
{
    private static readonly RubricSet Rubrics = RubricLoader.LoadFolder(TestPaths.Rubrics);

    public static TheoryData<string> CaseIds() => new(Rubrics.Cases.Select(c => c.Id));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Scripted_interview_reaches_done_with_a_report_and_never_repeats_a_probe_or_invents_a_number(string caseId)
    {
        var rubric = Rubrics.Get(caseId);
        var candidate = new ScriptedCandidate(Rubrics, rubric);
        await using var hub = await server.ConnectAsync();

        var session = await hub.StartInterview(caseId);
        var interviewer = new List<string> { session.Message };
        var step = session.Step;
        var done = false;
        for (var turn = 0; turn < 100 && !done; turn++)
        {
            var reply = await hub.SendAnswer(session, candidate.Next(step));
            interviewer.Add(reply.Message);
            (step, done) = (reply.Step, reply.Done);
        }
        var report = await hub.EndInterview(session);
        var resumed = await hub.Resume(session);
        foreach (var entry in resumed.Transcript) output.WriteLine($"[{entry.Step}] {entry.Role}: {entry.Text}");

        Assert.True(done, $"{caseId}: still at step '{step}' after 100 answers.");
        Assert.Equal(InterviewState.DoneStep, step);
        Assert.True(resumed.Done);
        Assert.Equal("completed", report.EndReason);
        Assert.Equal(caseId, report.Evaluation.Case);
        Assert.Equal(Dimensions.All.Order(), report.Evaluation.Dimensions.Keys.Order());
        Assert.Equal(resumed.Transcript, report.Transcript);
        Assert.Equal(interviewer, resumed.Transcript.Where(t => t.Role == Roles.Interviewer).Select(t => t.Text));
        Assert.NotEmpty(report.Steps);
        Assert.All(rubric.Facts, f => Assert.Contains(interviewer, m => m.Contains(f.Answer.Trim(), StringComparison.Ordinal)));
        Assert.Contains(interviewer, m => m.Contains("your call", StringComparison.Ordinal));
        foreach (var probe in rubric.AllCriteria().SelectMany(c => c.Criterion.Probes).Distinct())
            Assert.True(interviewer.Count(m => m.Contains(probe.Trim(), StringComparison.Ordinal)) <= 1, $"{caseId}: probe asked twice: {probe}");
        var allowed = ScriptedCandidate.AllowedNumbers(Rubrics, rubric, server.Service<IOptions<InterviewOptions>>().Value.MaxTurns);
        var invented = interviewer.SelectMany(ScriptedCandidate.Numbers).Where(n => !allowed.Contains(n)).ToList();
        Assert.True(invented.Count == 0, $"{caseId}: numbers not in the case: {string.Join(", ", invented)}");
    }
}
