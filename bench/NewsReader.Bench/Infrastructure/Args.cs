namespace NewsReader.Bench.Infrastructure;

/// <summary>Positional arguments and <c>--name value</c> options, nothing more.</summary>
public sealed class Args
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public Args(string[] args, params string[] flags)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                if (flags.Contains(name)) _flags.Add(name);
                else if (i + 1 < args.Length) _options[name] = args[++i];
                else throw new ArgumentException($"--{name} needs a value");
            }
            else Positional.Add(args[i]);
        }
    }

    public List<string> Positional { get; } = [];

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public int Int(string name, int fallback) => _options.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => _options.TryGetValue(name, out var v) ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => _flags.Contains(name);

    public string Require(int position, string what) =>
        Positional.Count > position ? Positional[position] : throw new ArgumentException($"missing {what}");
}
