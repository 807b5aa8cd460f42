using Evaluator.Interviews;
using Evaluator.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Evaluator.Server.Hubs;

public static class InterviewHubSetup
{
    public static IServiceCollection AddInterviewHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInterviews(configuration);
        services.AddSingleton<InterviewStartLimiter>();
        // A maximal answer must reach the hub to get a clear HubException rather than a dropped connection:
        // room for every character as a 6-byte JSON escape, plus the envelope. AddHubOptions marks the hub's
        // options as its own (else SignalR uses the global 32 KB); the size itself comes from Interview:MaxAnswerLength.
        services.AddSignalR()
            .AddJsonProtocol(o => EvaluatorJson.Configure(o.PayloadSerializerOptions))
            .AddHubOptions<InterviewHub>(_ => { });
        services.AddOptions<HubOptions<InterviewHub>>().Configure<IOptions<InterviewOptions>>((hub, interview) =>
            hub.MaximumReceiveMessageSize = 6L * interview.Value.MaxAnswerLength + 16 * 1024);
        return services;
    }

    public static WebApplication MapInterviewHub(this WebApplication app)
    {
        // Resolve the configured voice now, so a wrong Ai:Interviewer stops the app at start with the key's name.
        app.Services.GetRequiredService<IInterviewerVoice>();
        app.MapHub<InterviewHub>(InterviewHub.Path);
        return app;
    }
}
