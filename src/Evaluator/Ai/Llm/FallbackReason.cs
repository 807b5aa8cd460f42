using System.Net;
using Microsoft.SemanticKernel;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Evaluator.Ai;

/// <summary>Turns a failed model call into the short reason reported as fallbackReason.</summary>
public static class FallbackReason
{
    public static string Describe(Exception error, LlmOptions llm)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutRejectedException:
                    return $"the model did not answer within {llm.TimeoutSeconds:0.###} s (after {llm.MaxRetries} retries)";
                case BrokenCircuitException:
                    return "the model endpoint failed repeatedly; calls are paused (circuit open)";
                case HttpOperationException { StatusCode: HttpStatusCode.TooManyRequests }:
                    return $"the model endpoint is rate limiting (429) after {llm.MaxRetries} retries";
                case HttpOperationException { StatusCode: { } status } when (int)status >= 500:
                    return $"the model endpoint failed with {(int)status} {status} after {llm.MaxRetries} retries";
                case HttpOperationException { StatusCode: { } status }:
                    return $"the model endpoint refused the call with {(int)status} {status}";
                case HttpRequestException http:
                    return "the model endpoint could not be reached: " + http.Message;
                case JudgeReplyException or PromptTooLongException or PromptFileException:
                    return e.Message;
            }
        }
        return error.GetType().Name + ": " + error.Message;
    }
}
