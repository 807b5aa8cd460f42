using Microsoft.EntityFrameworkCore;

namespace Evaluator.Data;

/// <summary>
/// The one SQLite database. Each feature adds its DbSets in a partial file of its own
/// and its mapping as an IEntityTypeConfiguration next to the entity.
/// </summary>
public sealed partial class EvaluatorDb(DbContextOptions<EvaluatorDb> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EvaluatorDb).Assembly);
}
