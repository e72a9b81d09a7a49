using Pulse.Organisation;
using Pulse.Templates;

namespace Pulse.Bot.Conversation.Understanding;

/// <summary>
/// What the bot matches words against, built once per version of a tenant's rules: indicators with their names and
/// synonyms, active people by id, by name and by first character, departments by id. Lookups cost what the message
/// costs, not what the tenant's size does.
/// </summary>
public sealed class OrgIndex
{
    private static readonly HashSet<string> LatinStopWords = ["rate", "ratio", "monthly", "month", "the", "of", "per", "a", "an", "percent", "score"];

    private readonly Dictionary<string, PersonEntry> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<PersonEntry>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<PersonEntry>> _byFirstChar = [];

    private OrgIndex(TenantRules rules)
    {
        Version = rules.Version;
        TenantId = rules.Settings.TenantId;
        TimeZone = FindZone(rules.Settings.TimeZone);
        DefaultLocale = rules.Settings.Locale;
        Departments = rules.Departments.ToDictionary(d => d.Id, d => d.Name, StringComparer.Ordinal);
        Indicators = [.. rules.Templates
            .GroupBy(t => t.Id).Select(g => g.MaxBy(t => t.Version)!)
            .SelectMany(t => t.Sections).SelectMany(s => s.Indicators)
            .DistinctBy(i => i.Id)
            .Select(Entry)];
        foreach (var employee in rules.Employees.Where(e => e.Active))
        {
            var person = new PersonEntry(employee.Id, employee.Name, employee.DepartmentId, TextNormaliser.Normalise(employee.Name));
            _byId[employee.Id] = person;
            if (person.MatchName.Length == 0) continue;
            Add(_byName, person.MatchName, person);
            Add(_byFirstChar, person.MatchName[0], person);
        }
    }

    public long Version { get; }

    public string TenantId { get; }

    public TimeZoneInfo TimeZone { get; }

    public string DefaultLocale { get; }

    public IReadOnlyDictionary<string, string> Departments { get; }

    public IReadOnlyList<IndicatorEntry> Indicators { get; }

    public static OrgIndex Build(TenantRules rules) => new(rules);

    public IndicatorEntry? Indicator(string id) => Indicators.FirstOrDefault(i => i.Id == id);

    public PersonEntry? Person(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The indicators a message names, best first: as written (names, synonyms) or nearly (a typo, a wrong character).</summary>
    public List<IndicatorMatch> FindIndicators(string normalised, IReadOnlyList<string> words)
    {
        var matches = new List<IndicatorMatch>();
        foreach (var indicator in Indicators)
        {
            IndicatorMatch? best = null;
            foreach (var alias in indicator.HanAliases)
            {
                IndicatorMatch? match = null;
                if (normalised.Contains(alias, StringComparison.Ordinal)) match = new(indicator, 10 + alias.Length, true);
                else if (alias.Length >= 3)
                {
                    var overlap = Fuzzy.CharacterOverlap(alias, normalised);
                    if (overlap >= 0.66 && overlap * alias.Length >= 2) match = new(indicator, overlap * alias.Length, false);
                }
                if (match is not null && (best is null || match.Score > best.Score)) best = match;
            }
            foreach (var alias in indicator.LatinAliases)
            {
                var exact = true;
                var all = alias.All(w =>
                {
                    if (words.Contains(w)) return true;
                    exact = false;
                    return words.Any(t => Fuzzy.WordMatches(t, w));
                });
                if (!all) continue;
                var match = new IndicatorMatch(indicator, (exact ? 10 : 5) + alias.Length, exact);
                if (best is null || match.Score > best.Score) best = match;
            }
            if (best is not null) matches.Add(best);
        }
        // A name as written outranks a near one: "坏账率" must not also bring in an indicator that merely shares "率".
        if (matches.Any(m => m.Exact)) matches.RemoveAll(m => !m.Exact);
        matches.Sort((a, b) => b.Score.CompareTo(a.Score));
        return matches;
    }

    /// <summary>
    /// The people <paramref name="who"/> may mean: an employee id, a name as written, a name inside the words, or for
    /// longer names one character or letter off. At most <paramref name="limit"/>; exact matches win over near ones.
    /// </summary>
    public List<PersonEntry> FindPeople(string who, int limit = 10)
    {
        var text = TextNormaliser.Normalise(who).Trim(' ', ':', ',', '.', '!', '?', '的');
        if (text.Length == 0) return [];
        if (_byId.TryGetValue(text, out var byId)) return [byId];
        if (_byName.TryGetValue(text, out var byName)) return [.. byName.Take(limit)];

        // A name inside the words ("张伟同学", "wang wei please").
        var inside = new List<PersonEntry>();
        for (var i = 0; i < text.Length && inside.Count < limit; i++)
        {
            if (!_byFirstChar.TryGetValue(text[i], out var bucket)) continue;
            foreach (var person in bucket)
            {
                if (person.MatchName.Length >= 2 && string.CompareOrdinal(text, i, person.MatchName, 0, person.MatchName.Length) == 0 && !inside.Contains(person)) inside.Add(person);
            }
        }
        if (inside.Count > 0)
        {
            var longest = inside.Max(p => p.MatchName.Length);
            return [.. inside.Where(p => p.MatchName.Length == longest).Take(limit)];
        }

        // Nearly: a typo in a Latin name, one wrong character in a Chinese name of three or more.
        if (!_byFirstChar.TryGetValue(text[0], out var near)) return [];
        var han = Language.IsChinese(text);
        return [.. near.Where(p => han
                ? p.MatchName.Length == text.Length && text.Length >= 3 && Fuzzy.CharacterOverlap(p.MatchName, text) * p.MatchName.Length >= p.MatchName.Length - 1
                : Fuzzy.WordMatches(text, p.MatchName))
            .Take(limit)];
    }

    /// <summary>The person whose id or name the text begins with (the longest such name), for "表扬周敏本月…" without a separator.</summary>
    public PersonEntry? PersonAtStart(string text)
    {
        var normalised = TextNormaliser.Normalise(text);
        if (normalised.Length == 0 || !_byFirstChar.TryGetValue(normalised[0], out var bucket)) return null;
        return bucket.Where(p => p.MatchName.Length >= 2 && normalised.StartsWith(p.MatchName, StringComparison.Ordinal))
            .MaxBy(p => p.MatchName.Length);
    }

    private static IndicatorEntry Entry(Indicator indicator)
    {
        var names = new List<string> { TextNormaliser.Normalise(indicator.Name.Zh) };
        if (!string.IsNullOrWhiteSpace(indicator.Name.En)) names.Add(TextNormaliser.Normalise(indicator.Name.En));
        var aliases = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var group in Synonyms.Groups)
        {
            if (group.Any(term => names.Any(n => Mentions(n, term)))) aliases.UnionWith(group);
        }
        var han = aliases.Where(a => Language.IsChinese(a)).ToList();
        var latin = aliases.Where(a => !Language.IsChinese(a))
            .Select(a => TextNormaliser.Words(a).Where(w => !LatinStopWords.Contains(w)).ToArray())
            .Where(w => w.Length > 0)
            .ToList();
        return new IndicatorEntry(indicator.Id, indicator.Name, indicator.Unit, indicator.Alerts is { Length: > 0 }, han, latin);
    }

    private static bool Mentions(string name, string term) => Language.IsChinese(term)
        ? name.Contains(term, StringComparison.Ordinal)
        : TextNormaliser.Words(term).All(TextNormaliser.Words(name).Contains);

    private static void Add<TKey>(Dictionary<TKey, List<PersonEntry>> map, TKey key, PersonEntry person) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(person);
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
        catch (InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }
}
