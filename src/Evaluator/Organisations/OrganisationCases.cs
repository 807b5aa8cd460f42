using System.Collections.Concurrent;
using Evaluator.Data;
using Evaluator.Rubrics;
using Microsoft.EntityFrameworkCore;

namespace Evaluator.Organisations;

/// <summary>A case rubric and where it came from: built in (Revision null) or an organisation's revision.</summary>
public sealed record ResolvedCase(CaseRubric Rubric, int? Revision)
{
    public string Source => Revision is null ? "built-in" : "organisation";
}

/// <summary>
/// The cases an organisation sees: the built-in ones plus its own uploads, where its own
/// revision of a case id replaces the built-in case of that id.
/// </summary>
public sealed class OrganisationCases(EvaluatorDb db, RubricSet rubrics, OrganisationCases.ParsedCache cache)
{
    /// <summary>Parsed organisation rubrics, keyed by (organisation, case, revision); a revision never changes.</summary>
    public sealed class ParsedCache
    {
        internal ConcurrentDictionary<(string, string, int), CaseRubric> Items { get; } = new();
    }

    public async Task<ResolvedCase?> FindAsync(string? organisation, string caseId, CancellationToken cancellationToken = default)
    {
        if (organisation is not null)
        {
            var latest = await db.OrganisationRubrics.AsNoTracking()
                .Where(r => r.Organisation == organisation && r.CaseId == caseId)
                .OrderByDescending(r => r.Revision)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (latest is not null) return new(Parse(latest), latest.Revision);
        }
        return rubrics.Find(caseId) is { } builtIn ? new(builtIn, null) : null;
    }

    /// <summary>Exactly the rubric a batch item was submitted with.</summary>
    public async Task<CaseRubric?> GetAsync(string organisation, string caseId, int? revision, CancellationToken cancellationToken = default)
    {
        if (revision is null) return rubrics.Find(caseId);
        var key = (organisation, caseId, revision.Value);
        if (cache.Items.TryGetValue(key, out var cached)) return cached;
        var stored = await db.OrganisationRubrics.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Organisation == organisation && r.CaseId == caseId && r.Revision == revision, cancellationToken)
            .ConfigureAwait(false);
        return stored is null ? null : Parse(stored);
    }

    /// <summary>Every case the organisation sees (built-in only when organisation is null), ordered by id.</summary>
    public async Task<IReadOnlyList<ResolvedCase>> ListAsync(string? organisation, CancellationToken cancellationToken = default)
    {
        var cases = rubrics.Cases.ToDictionary(c => c.Id, c => new ResolvedCase(c, null));
        if (organisation is not null)
        {
            var own = await db.OrganisationRubrics.AsNoTracking()
                .Where(r => r.Organisation == organisation)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var latest in own.GroupBy(r => r.CaseId).Select(g => g.MaxBy(r => r.Revision)!))
                cases[latest.CaseId] = new(Parse(latest), latest.Revision);
        }
        return [.. cases.Values.OrderBy(c => c.Rubric.Id, StringComparer.Ordinal)];
    }

    /// <summary>Validates the YAML and stores it as the case's next revision; errors carry line numbers.</summary>
    public async Task<(OrganisationRubric? Saved, IReadOnlyList<RubricError> Errors)> SaveAsync(
        string organisation, string caseId, string yaml, CancellationToken cancellationToken = default)
    {
        var errors = new List<RubricError>();
        var rubric = RubricLoader.ParseCase(yaml, caseId + ".yaml", rubrics.Framework, errors);
        if (rubric is null) return (null, errors);

        // Two uploads at once may pick the same revision; the loser retries with the next one.
        for (var attempt = 1; ; attempt++)
        {
            var last = await db.OrganisationRubrics
                .Where(r => r.Organisation == organisation && r.CaseId == caseId)
                .MaxAsync(r => (int?)r.Revision, cancellationToken).ConfigureAwait(false) ?? 0;
            var saved = new OrganisationRubric
            {
                Organisation = organisation, CaseId = caseId, Revision = last + 1, Yaml = yaml,
                Version = rubric.Version, Title = rubric.Title, CreatedAt = DateTime.UtcNow,
            };
            db.OrganisationRubrics.Add(saved);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                cache.Items[(organisation, caseId, saved.Revision)] = rubric;
                return (saved, errors);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.Entry(saved).State = EntityState.Detached;
            }
        }
    }

    private CaseRubric Parse(OrganisationRubric stored) =>
        cache.Items.GetOrAdd((stored.Organisation, stored.CaseId, stored.Revision), _ =>
        {
            var errors = new List<RubricError>();
            return RubricLoader.ParseCase(stored.Yaml, stored.CaseId + ".yaml", rubrics.Framework, errors)
                ?? throw new RubricValidationException(errors);
        });
}
