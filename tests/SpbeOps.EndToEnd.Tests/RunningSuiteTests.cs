extern alias gateway;

using gateway::SpbeOps.Gateway;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>No infrastructure needed: a service added to deploy/services.txt must be started by RunningSuite too.</summary>
public sealed class RunningSuiteTests
{
    [Fact]
    public void RunningSuite_starts_every_service_of_the_list_and_no_other()
    {
        Assert.Equal(RunningSuite.Listed.Select(s => s.Name).Order(), RunningSuite.Starters.Keys.Order());
    }
}
