using Pulse.Bot.Conversation.Understanding;
using Pulse.Organisation;
using Pulse.Silo.Demo;

namespace Pulse.Silo.Tests.Bot.Conversation;

public sealed class FuzzyMatchTests
{
    [Theory]
    [InlineData("progres", "progress", 1)]
    [InlineData("complant", "complaint", 1)]
    [InlineData("alrets", "alerts", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("same", "same", 0)]
    public void Edit_distance_counts_insertions_deletions_substitutions_and_swaps(string a, string b, int distance) =>
        Assert.Equal(distance, Fuzzy.EditDistance(a, b, 5));

    [Fact]
    public void Edit_distance_gives_up_past_the_limit() => Assert.Equal(2, Fuzzy.EditDistance("abcdef", "uvwxyz", 1));

    [Theory]
    [InlineData("progres", "progress", true)]
    [InlineData("complant", "complaint", true)]
    [InlineData("tem", "team", true)]
    [InlineData("hi", "ho", false)]
    [InlineData("loan", "lean", true)]
    [InlineData("loan", "team", false)]
    public void Short_words_must_be_exact_longer_ones_may_have_a_typo(string typed, string known, bool matches) =>
        Assert.Equal(matches, Fuzzy.WordMatches(typed, known));

    [Fact]
    public void Character_overlap_is_the_share_of_a_names_characters_found() =>
        Assert.Equal(2.0 / 3, Fuzzy.CharacterOverlap("坏账率", "坏帐率多少"), 3);

    [Fact]
    public void People_are_found_by_id_name_name_inside_words_and_a_typo()
    {
        var index = IntentRecogniserTests.DemoIndex(
            new Employee("B099", "周敏", DemoCompany.Business),
            new Employee("B098", "Wang Xiaoming", DemoCompany.Business));

        Assert.Equal("B002", Assert.Single(index.FindPeople("b002")).Id);
        Assert.Equal(["B003", "B099"], index.FindPeople("周敏").Select(p => p.Id).Order());
        Assert.Equal("B004", Assert.Single(index.FindPeople("徐勇同学")).Id);
        Assert.Equal("B098", Assert.Single(index.FindPeople("wang xiaomin")).Id);
        Assert.Equal("B005", Assert.Single(index.FindPeople("孙秀央")).Id);
        Assert.Empty(index.FindPeople("不存在"));
    }

    [Fact]
    public void An_index_is_reused_for_the_same_rules_version_and_rebuilt_for_a_new_one()
    {
        using var cache = new OrgIndexCache(TimeProvider.System);
        var document = DemoCompany.Document(4);
        var rules = new TenantRules(7, DemoCompany.Settings("demo"), [], document.Departments!, document.Employees!, document.Templates!);

        var first = cache.For(rules);

        Assert.Same(first, cache.For(rules));
        Assert.NotSame(first, cache.For(rules with { Version = 8 }));
    }
}
