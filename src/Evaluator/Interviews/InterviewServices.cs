using Evaluator.Organisations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Evaluator.Interviews;

public static class InterviewServices
{
    public const string VoiceSetting = "Ai:Interviewer";

    /// <summary>The interviewer: engine, voices keyed by <c>Ai:Interviewer</c>, per-session gates, the in-memory sessions, the group-committing turn writer, and the session store.</summary>
    public static IServiceCollection AddInterviews(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InterviewOptions>()
            .Bind(configuration.GetSection(InterviewOptions.Section))
            .Validate(o => o.MaxTurns is >= 1 and <= 1000, "Interview:MaxTurns must be between 1 and 1000.")
            .Validate(o => o.MaxAnswerLength is >= 1 and <= 1_000_000, "Interview:MaxAnswerLength must be between 1 and 1000000.")
            .Validate(o => o.StartsPerWindow >= 1, "Interview:StartsPerWindow must be at least 1.")
            .Validate(o => o.StartWindowSeconds is >= 1 and <= 86400, "Interview:StartWindowSeconds must be between 1 and 86400.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<InterviewEngine>();
        services.AddSingleton<SessionLocks>();
        services.AddSingleton<LiveSessions>();
        services.AddSingleton<TurnWriter>();

        // Voices are keyed by the name users pick; another voice ("llm") is one more keyed registration.
        services.AddSingleton<LocalInterviewerVoice>();
        services.AddKeyedSingleton<IInterviewerVoice>("local", (sp, _) => sp.GetRequiredService<LocalInterviewerVoice>());
        services.AddSingleton(sp => ConfiguredVoice(sp, configuration[VoiceSetting] ?? "local"));

        services.AddOrganisations(); // an interview may run on an organisation's own case
        services.AddScoped<InterviewSessions>();
        return services;
    }

    private static IInterviewerVoice ConfiguredVoice(IServiceProvider services, string name) =>
        services.GetKeyedService<IInterviewerVoice>(name)
        ?? throw new InvalidOperationException($"{VoiceSetting} is '{name}', which is not an interviewer voice this build has. Use 'local' or 'llm'.");
}
