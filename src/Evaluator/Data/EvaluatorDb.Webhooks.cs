using Evaluator.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Data;

public sealed partial class EvaluatorDb
{
    public DbSet<Webhook> Webhooks => Set<Webhook>();
}
