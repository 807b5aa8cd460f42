using Evaluator.Batches;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Data;

public sealed partial class EvaluatorDb
{
    public DbSet<Batch> Batches => Set<Batch>();
    public DbSet<BatchItem> BatchItems => Set<BatchItem>();
}
