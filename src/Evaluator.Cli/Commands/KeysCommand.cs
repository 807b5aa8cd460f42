using System.CommandLine;
using Evaluator.Data;
using Evaluator.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evaluator.Cli.Commands;

/// <summary>evaluator keys create --org acme --role coach|admin|candidate | list --org acme | revoke --org acme &lt;prefix&gt;</summary>
public static class KeysCommand
{
    public static Command Create(CliContext cli)
    {
        var org = new Option<string>("--org") { Description = "Organisation id (a-z, 0-9, '-').", Required = true };
        var role = new Option<string>("--role")
        {
            Description = "coach: grade and read; admin: also upload rubrics and manage the webhook; "
                + "candidate: for the interview page's link, files the cohort's interviews under the organisation and reads nothing.",
            DefaultValueFactory = _ => Roles.Coach,
        };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var create = new Command("create", "Create an API key; it is printed once and stored only as a SHA-256 hash.") { org, role };
        create.SetAction((parse, ct) => CreateAsync(cli, parse.GetValue(org)!, parse.GetValue(role)!, ct));

        var listOrg = new Option<string>("--org") { Description = "Organisation id.", Required = true };
        var list = new Command("list", "List an organisation's keys (prefix, role, dates; never the key).") { listOrg };
        list.SetAction((parse, ct) => ListAsync(cli, parse.GetValue(listOrg)!, ct));

        var revokeOrg = new Option<string>("--org") { Description = "Organisation id.", Required = true };
        var prefix = new Argument<string>("prefix") { Description = "The key's prefix (as listed) or id." };
        var revoke = new Command("revoke", "Revoke a key: a running server stops accepting it within Api:KeyCacheSeconds (default 10).") { revokeOrg, prefix };
        revoke.SetAction((parse, ct) => RevokeAsync(cli, parse.GetValue(revokeOrg)!, parse.GetValue(prefix)!, ct));

        return new Command("keys", "Manage API keys (uses the database of ConnectionStrings:Evaluator).") { create, list, revoke };
    }

    private static async Task<int> CreateAsync(CliContext cli, string organisation, string role, CancellationToken ct)
    {
        if (!ApiKeys.IsValidOrganisation(organisation))
        {
            await cli.Error.WriteLineAsync($"--org '{organisation}': use 1-64 characters of a-z, 0-9 and '-'.").ConfigureAwait(false);
            return ExitCodes.UsageOrInput;
        }
        using var scope = cli.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluatorDb>();
        db.MigrateAndConfigure();
        var (stored, key) = await ApiKeys.CreateAsync(db, organisation, role, ct).ConfigureAwait(false);
        await cli.Error.WriteLineAsync(
            $"Created {stored.Role} key {stored.Prefix}... for organisation '{stored.Organisation}'. It is shown only now:").ConfigureAwait(false);
        await cli.Output.WriteLineAsync(key).ConfigureAwait(false);
        if (stored.Role == Roles.Candidate)
            await cli.Error.WriteLineAsync("Give your cohort the interview page with it: http://<server>/#key=<the key>").ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task<int> ListAsync(CliContext cli, string organisation, CancellationToken ct)
    {
        using var scope = cli.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluatorDb>();
        db.MigrateAndConfigure();
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.Organisation == organisation)
            .OrderBy(k => k.Id).ToListAsync(ct).ConfigureAwait(false);
        await cli.Output.WriteLineAsync($"{"id",4}  {"prefix",-14} {"role",-6} {"created (UTC)",-20} revoked").ConfigureAwait(false);
        foreach (var k in keys)
            await cli.Output.WriteLineAsync(
                $"{k.Id,4}  {k.Prefix,-14} {k.Role,-6} {k.CreatedAt:yyyy-MM-dd HH:mm:ss}  {k.RevokedAt?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}")
                .ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task<int> RevokeAsync(CliContext cli, string organisation, string prefix, CancellationToken ct)
    {
        using var scope = cli.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvaluatorDb>();
        db.MigrateAndConfigure();
        if (await ApiKeys.RevokeAsync(db, organisation, prefix, ct).ConfigureAwait(false))
        {
            await cli.Output.WriteLineAsync($"Revoked key {prefix} of '{organisation}'.").ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        await cli.Error.WriteLineAsync($"No active key '{prefix}' in organisation '{organisation}'.").ConfigureAwait(false);
        return ExitCodes.UsageOrInput;
    }
}
