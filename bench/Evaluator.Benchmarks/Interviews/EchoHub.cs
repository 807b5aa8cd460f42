using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.SignalR;

namespace Evaluator.Benchmarks.Interviews;

/// <summary>The baseline: a hub method that only sends the text back, over the same server, transport and JSON.</summary>
public sealed class EchoHub : Hub
{
    public const string Path = "/hubs/echo";

    [SuppressMessage("Performance", "CA1822", Justification = "SignalR invokes instance methods only.")]
    public string Echo(string text) => text;
}
