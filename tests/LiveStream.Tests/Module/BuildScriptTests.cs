using System.Management.Automation.Language;

namespace LiveStream.Tests;

/// <summary>build.ps1 parses and offers its tasks (tests/Pester/build.Tests.ps1 runs them in real pwsh).</summary>
public sealed class BuildScriptTests
{
    [Fact]
    public void The_build_script_parses_and_offers_Build_Test_Package_and_Demo()
    {
        var script = Parser.ParseFile(Path.Combine(AppContext.BaseDirectory, "build.ps1"), out _, out var errors);

        Assert.Empty(errors);
        var task = script.ParamBlock.Parameters.Single(parameter => parameter.Name.VariablePath.UserPath == "Task");
        var validateSet = task.Attributes.OfType<AttributeAst>().Single(attribute => attribute.TypeName.Name == "ValidateSet");
        Assert.Equal(["Build", "Test", "Package", "Demo"], validateSet.PositionalArguments.Select(argument => argument.SafeGetValue()));
    }
}
