namespace SpbeOps.Indicators.Rubric;

/// <summary>The rubric file is broken. <see cref="Problems"/> names every problem found; the message lists them.</summary>
public sealed class InvalidRubricException : Exception
{
    public InvalidRubricException(IReadOnlyList<string> problems, Exception? inner = null)
        : base(Describe(problems), inner)
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"Invalid SPBE rubric: {problems[0]}"
            : $"Invalid SPBE rubric ({problems.Count} problems):{Environment.NewLine}- "
              + string.Join(Environment.NewLine + "- ", problems);
}
