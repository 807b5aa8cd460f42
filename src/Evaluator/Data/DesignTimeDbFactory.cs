using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Evaluator.Data;

/// <summary>Lets `dotnet ef migrations add` build the context without starting the server.</summary>
internal sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<EvaluatorDb>
{
    public EvaluatorDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EvaluatorDb>().UseSqlite("Data Source=design-time.db").Options);
}
