import Foundation
import GCTEconomics
import GCTEngine
import Testing
@testable import GCTWorld

@Suite("Determinism, threads and common random numbers")
struct DeterminismTests {
    func report(_ c: ScenarioConfiguration, threads: Int) throws -> String {
        let outcomes = try ReplicationRunner.run(c, threads: threads, observer: { _ in NullObserver() }, stopFlag: nil)
        return RunReport(scenario: c.name, scenarioHash: "-", seed: c.seed, replications: c.replications, outcomes: outcomes)
            .comparableText
    }

    @Test("same scenario and seed twice: byte-identical summaries; --threads 1 and 2 too; another seed differs")
    func sameSeedSameResult() throws {
        let c = smallMarket()
        let a = try report(c, threads: 1)
        let b = try report(c, threads: 1)
        let t = try report(c, threads: 2)
        #expect(a == b)
        #expect(a == t)
        var other = c
        other.seed = 8
        #expect(try report(other, threads: 1) != a)
        #expect(a.contains("\nmean_wait_s="))
    }

    @Test("adding an unrelated user class does not change the arrival times of an existing class")
    func commonRandomNumbers() throws {
        let a = smallMarket().users[0]
        var b = a
        b.name = "newcomer"
        b.arrival.ratePerSecond = 0.3
        func arrivals(_ classes: [UserClassConfiguration]) throws -> [Int64] {
            var c = smallMarket(classes: classes, servers: 50)
            c.replications = 1
            let o = RecordingObserver()
            _ = try ReplicationRunner.runOne(c, replication: 0, observer: o, stopFlag: nil)
            let horizon = SimTime.hours(5).ticks
            return o.executions.filter { $0.userClass == 0 && $0.arrival.ticks < horizon }.map(\.arrival.ticks).sorted()
        }
        let alone = try arrivals([a])
        let together = try arrivals([a, b])
        #expect(alone.count > 1000)
        #expect(alone == together)
    }

    @Test("replication r uses streams keyed by (seed, r): replications differ, each is reproducible alone")
    func replicationsIndependent() throws {
        let c = smallMarket()
        let all = try ReplicationRunner.run(c, threads: 1, observer: { _ in NullObserver() }, stopFlag: nil)
        let second = try ReplicationRunner.runOne(c, replication: 1, observer: NullObserver(), stopFlag: nil)
        #expect(all[1].statistics == second.statistics)
        #expect(all[0].statistics != all[1].statistics)
    }
}
