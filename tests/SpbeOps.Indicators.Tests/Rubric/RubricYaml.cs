using System.Globalization;
using SpbeOps.Indicators.Rubric;
using YamlDotNet.RepresentationModel;

namespace SpbeOps.Indicators.Tests.Rubric;

/// <summary>The shipped rubric text, and copies of it with one thing broken.</summary>
internal static class RubricYaml
{
    public static string Shipped()
    {
        using var stream = typeof(RubricLoader).Assembly.GetManifestResourceStream(RubricLoader.ResourceName)
            ?? throw new InvalidOperationException("rubric resource missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string Mutate(Action<YamlMappingNode> edit)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Shipped()));
        edit((YamlMappingNode)stream.Documents[0].RootNode);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    public static YamlSequenceNode Seq(YamlMappingNode node, string key) => (YamlSequenceNode)node[key];

    public static YamlMappingNode ByNumber(YamlMappingNode root, string key, int number) =>
        Seq(root, key).Children.Cast<YamlMappingNode>()
            .Single(n => ((YamlScalarNode)n["number"]).Value == number.ToString(CultureInfo.InvariantCulture));

    public static YamlMappingNode Level(YamlMappingNode indicator, int level) =>
        Seq(indicator, "levels").Children.Cast<YamlMappingNode>()
            .Single(n => ((YamlScalarNode)n["level"]).Value == level.ToString(CultureInfo.InvariantCulture));
}
