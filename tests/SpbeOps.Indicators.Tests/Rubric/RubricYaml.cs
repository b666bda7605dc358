using System.Globalization;
using SpbeOps.Indicators.Rubric;
using YamlDotNet.RepresentationModel;

namespace SpbeOps.Indicators.Tests.Rubric;

/// <summary>The shipped rubric text, copies of it with one thing broken, and what loading such a copy says.</summary>
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

    /// <summary>Loads the shipped text with <paramref name="edit"/> applied, which must fail; returns why it did.</summary>
    public static InvalidRubricException Rejected(Action<YamlMappingNode> edit)
    {
        var yaml = Mutate(edit);
        return Assert.Throws<InvalidRubricException>(() => RubricLoader.Parse(yaml));
    }

    /// <summary>Sets (or adds) a scalar of a mapping.</summary>
    public static void Set(YamlMappingNode node, string key, string value) => node.Children[new YamlScalarNode(key)] = new YamlScalarNode(value);

    public static YamlSequenceNode Seq(YamlMappingNode node, string key) => (YamlSequenceNode)node[key];

    public static YamlMappingNode Indicator(YamlMappingNode root, int number) => ByNumber(root, "indicators", number);

    public static YamlMappingNode Aspect(YamlMappingNode root, int number) => ByNumber(root, "aspects", number);

    /// <summary>A criterion of an indicator's level, by its place in the level's list.</summary>
    public static YamlMappingNode Criterion(YamlMappingNode root, int indicator, int level, int index = 0) =>
        (YamlMappingNode)Seq(Level(Indicator(root, indicator), level), "criteria").Children[index];

    public static YamlMappingNode ByNumber(YamlMappingNode root, string key, int number) =>
        Seq(root, key).Children.Cast<YamlMappingNode>()
            .Single(n => ((YamlScalarNode)n["number"]).Value == number.ToString(CultureInfo.InvariantCulture));

    public static YamlMappingNode Level(YamlMappingNode indicator, int level) =>
        Seq(indicator, "levels").Children.Cast<YamlMappingNode>()
            .Single(n => ((YamlScalarNode)n["level"]).Value == level.ToString(CultureInfo.InvariantCulture));
}
