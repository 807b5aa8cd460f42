using System.Threading.Channels;

namespace Evaluator.Batches;

/// <summary>Wakes the worker for a batch id; the database, not this queue, is the record of what is left.</summary>
public sealed class PendingBatches
{
    private readonly Channel<string> channel = Channel.CreateUnbounded<string>(new() { SingleReader = true });

    public void Enqueue(string batchId) => channel.Writer.TryWrite(batchId);

    internal ChannelReader<string> Reader => channel.Reader;
}
