using System.Globalization;

namespace SpbeOps.Indicators.Rubric;

/// <summary>A fact that decided a criterion, e.g. a guideline document or a review record.</summary>
/// <param name="Id">The record's id in its owning service.</param>
/// <param name="Kind">What the record is, e.g. <c>governance.guideline</c>, <c>asset</c>, <c>risk-register</c>.</param>
/// <param name="Label">A human-readable label.</param>
public sealed record Evidence(string Id, string Kind, string Label);

/// <summary>The current value of one named metric, with the facts it was computed from.</summary>
/// <remarks><see cref="Value"/> is a <see cref="bool"/>, a <see cref="double"/> or an <see cref="IReadOnlyList{T}"/> of
/// strings (or null: unknown). Other numeric types are converted to double; other sequences of strings are copied.</remarks>
public sealed record MetricValue(object? Value, IReadOnlyList<Evidence> Evidence)
{
    private readonly object? _value = Normalize(Value);

    public object? Value
    {
        get => _value;
        init => _value = Normalize(value);
    }

    public static MetricValue Of(bool value, params Evidence[] evidence) => new(value, evidence);

    public static MetricValue Of(double value, params Evidence[] evidence) => new(value, evidence);

    public static MetricValue Of(IEnumerable<string> value, params Evidence[] evidence) => new(value.ToArray(), evidence);

    private static object? Normalize(object? value) => value switch
    {
        null or bool or double => value,
        int or long or float or decimal or short or byte or uint or ulong =>
            Convert.ToDouble(value, CultureInfo.InvariantCulture),
        string s => throw new ArgumentException(
            $"A metric value is a bool, a number or a list of strings, not a single string ('{s}').", nameof(Value)),
        IReadOnlyList<string> list => list,
        IEnumerable<string> items => items.ToArray(),
        _ => throw new ArgumentException(
            $"A metric value is a bool, a number or a list of strings, not {value.GetType().Name}.", nameof(Value)),
    };
}
