using Evaluator.Server.Hosting;

ServerStart.ReportBadConfigurationPlainly();
var builder = WebApplication.CreateBuilder(args);
builder.AddEvaluatorServer();

var app = builder.Build();
app.MapEvaluatorServer();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
