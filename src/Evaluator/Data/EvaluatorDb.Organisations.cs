using Evaluator.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Data;

public sealed partial class EvaluatorDb
{
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<OrganisationRubric> OrganisationRubrics => Set<OrganisationRubric>();
}
