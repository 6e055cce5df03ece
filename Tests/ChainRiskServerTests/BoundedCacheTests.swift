import ChainRiskCore
import ChainRiskSimulation
import ChainRiskUseCases
import Testing

@testable import ChainRiskServer

@Suite("Response cache: least recently used out first, keyed by request values")
struct BoundedCacheTests {
    @Test func hitMakesTheEntryMostRecent() {
        let cache = BoundedCache<String, Int>(capacity: 3)
        cache.store(1, for: "a")
        cache.store(2, for: "b")
        cache.store(3, for: "c")
        #expect(cache.keysByRecency == ["c", "b", "a"])
        #expect(cache.value(for: "a") == 1)
        #expect(cache.keysByRecency == ["a", "c", "b"])
        cache.store(4, for: "d")
        #expect(cache.value(for: "b") == nil, "b was used longest ago, so it went")
        #expect(cache.value(for: "a") == 1, "a survived: its hit made it recent")
        #expect(cache.keysByRecency == ["a", "d", "c"])
    }

    @Test func evictsInOrderOfLeastRecentUse() {
        let cache = BoundedCache<String, Int>(capacity: 2)
        cache.store(1, for: "a")
        cache.store(2, for: "b")
        cache.store(3, for: "c")
        #expect(cache.value(for: "a") == nil)
        #expect(cache.keysByRecency == ["c", "b"])
        cache.store(4, for: "d")
        #expect(cache.value(for: "b") == nil)
        #expect(cache.value(for: "c") == 3)
        #expect(cache.value(for: "d") == 4)
        #expect(cache.value(for: "c") == 3)
        cache.store(5, for: "e")
        #expect(cache.keysByRecency == ["e", "c"], "d was the least recently used after c's second hit")
    }

    @Test func storingAnExistingKeyReplacesItsValueAndRefreshesIt() {
        let cache = BoundedCache<String, Int>(capacity: 2)
        cache.store(1, for: "a")
        cache.store(2, for: "b")
        cache.store(10, for: "a")
        cache.store(3, for: "c")
        #expect(cache.value(for: "a") == 10)
        #expect(cache.value(for: "b") == nil)
        #expect(cache.count == 2)
    }

    @Test func holdsAtMostItsCapacity() {
        let cache = BoundedCache<Int, Int>(capacity: 5)
        for key in 0..<1_000 {
            cache.store(key * 2, for: key)
            #expect(cache.count == min(key + 1, 5))
        }
        #expect(cache.keysByRecency == [999, 998, 997, 996, 995])
        #expect(cache.value(for: 996) == 1_992)
        #expect(BoundedCache<Int, Int>(capacity: 0).capacity == 1, "a capacity below one keeps one entry")
        cache.removeAll()
        #expect(cache.count == 0)
        #expect(cache.keysByRecency.isEmpty)
        cache.store(1, for: 1)
        #expect(cache.keysByRecency == [1])
    }

    /// Scenario keys compare the scenario's values: any field that differs (here the capacity loss, a shock's
    /// recovery, the run's days) makes another entry, and equal scenarios built separately share one.
    @Test func scenarioKeysCompareValues() {
        func key(
            loss: Double = 0.2, recovery: Shock.Recovery = .step, days: Int = 365, substitution: Double = 0.5,
            generation: Int = 0
        ) -> CacheKey {
            let scenario = Scenario(
                name: "2018-02 Earthquake (TWN)", source: "event 2",
                shocks: [
                    Shock(
                        regions: ["TWN"], sectors: ["c14"], capacityLoss: loss, durationWeeks: 8, recovery: recovery,
                        recoveryDays: 28)
                ])
            var settings = ScenarioSettings()
            (settings.days, settings.substitution) = (days, substitution)
            return CacheKey(
                generation: generation, path: "/api/v1/scenarios", query: "",
                body: .scenario(.scenario(scenario), settings))
        }
        #expect(key() == key())
        #expect(key().hashValue == key().hashValue)
        #expect(key() != key(loss: 0.2000001))
        #expect(key() != key(recovery: .linear))
        #expect(key() != key(days: 364))
        #expect(key() != key(substitution: 0.4), "every setting of the run counts, as one value")
        #expect(key() != key(generation: 1), "a write makes older keys unreachable")
        let cache = BoundedCache<CacheKey, String>(capacity: 4)
        cache.store("run", for: key())
        #expect(cache.value(for: key()) == "run")
        #expect(cache.value(for: key(loss: 0.3)) == nil)
    }
}
