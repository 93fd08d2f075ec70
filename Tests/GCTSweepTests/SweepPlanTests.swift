import Foundation
import Synchronization
import Testing
import _GCTTestSupport
@testable import GCTSweep

@Suite("sweep plans: vars, ranges, grid, zip, shards")
struct SweepPlanTests {
    @Test("a list and a decimal range expand exactly; bad ranges are clear errors")
    func ranges() throws {
        #expect(try SweepVariable(parsing: "servers=4,8,16").values == ["4", "8", "16"])
        #expect(try SweepVariable(parsing: "economy.burn_rate=0.001..0.003:0.001").values == ["0.001", "0.002", "0.003"])
        #expect(try SweepVariable(parsing: "x=10..1:-4").values == ["10", "6", "2"])
        #expect(try SweepVariable(parsing: "x=0..1:0.3").values == ["0", "0.3", "0.6", "0.9"])
        #expect(try SweepVariable(parsing: "users.0.arrival.rate_per_s=1.5,2").key == "users.0.arrival.rate_per_s")
        #expect(throws: SweepError.self) { try SweepVariable(parsing: "x=1..3") }
        #expect(throws: SweepError.self) { try SweepVariable(parsing: "x=1..3:0") }
        #expect(throws: SweepError.self) { try SweepVariable(parsing: "x=3..1:1") }
        #expect(throws: SweepError.self) { try SweepVariable(parsing: "x=1,,2") }
        #expect(throws: SweepError.self) { try SweepVariable(parsing: "seed=1,2") }
        #expect(throws: SweepError.self) { try SweepVariable(parsing: "noequals") }
    }

    @Test("grid: every combination, first var slowest; zip: position by position, equal lengths required")
    func gridAndZip() throws {
        let a = SweepVariable(key: "a", values: ["1", "2"]), b = SweepVariable(key: "b", values: ["x", "y", "z"])
        let grid = try SweepPlan(variables: [a, b], layout: .grid, replications: 2)
        #expect(grid.pointCount == 6 && grid.runCount == 12)
        #expect((0..<6).map { grid.values(ofPoint: $0) } == [["1", "x"], ["1", "y"], ["1", "z"], ["2", "x"], ["2", "y"], ["2", "z"]])
        #expect(grid.overrides(ofPoint: 4) == ["a=2", "b=y"])
        #expect(grid.run(5) == (2, 1))
        let c = SweepVariable(key: "c", values: ["7", "8"])
        let zipped = try SweepPlan(variables: [a, c], layout: .zip, replications: 1)
        #expect(zipped.pointCount == 2 && zipped.values(ofPoint: 1) == ["2", "8"])
        #expect(throws: SweepError.self) { try SweepPlan(variables: [a, b], layout: .zip, replications: 1) }
        #expect(throws: SweepError.self) { try SweepPlan(variables: [a, a], layout: .grid, replications: 1) }
    }

    @Test("shards i/n partition the runs: every run exactly once, sizes within one, each in run order")
    func shardPartition() throws {
        for runs in [0, 1, 7, 30, 101] {
            for n in 1...7 {
                var seen = [Int](repeating: 0, count: runs)
                var sizes: [Int] = []
                for i in 1...n {
                    let part = try SweepShard(index: i, count: n).runs(of: runs)
                    #expect(part == part.sorted())
                    sizes.append(part.count)
                    for k in part { seen[k] += 1 }
                }
                #expect(seen.allSatisfy { $0 == 1 }, "runs \(runs), n \(n)")
                #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
            }
        }
        #expect(throws: SweepError.self) { try SweepShard(parsing: "0/3") }
        #expect(throws: SweepError.self) { try SweepShard(parsing: "4/3") }
        #expect(throws: SweepError.self) { try SweepShard(parsing: "1-3") }
    }

    @Test("paired difference on a hand-computed example: d = 1, 2, 2, 1 → mean 1.5, s² = 1/3, CI 1.5 ± 3.182446·√(1/12)")
    func pairedDifference() {
        let d = PairedDifference(baseline: [1, 2, 3, 4], variant: [2, 4, 5, 5])
        #expect(d.count == 4)
        #expect(abs(d.mean - 1.5) < 1e-12)
        #expect(abs(d.variance - 1.0 / 3.0) < 1e-12)
        let half = 3.182446305284263 * (1.0 / 12.0).squareRoot()
        #expect(abs(d.ciLow - (1.5 - half)) < 1e-6 && abs(d.ciHigh - (1.5 + half)) < 1e-6)
        #expect(d.verdict(.higher) == .better && d.verdict(.lower) == .worse)
        let none = PairedDifference(baseline: [1, 2, 3], variant: [2, 1, 3])
        #expect(none.verdict(.higher) == .noSignificantChange)
    }

    @Test("the executor delivers in order for any thread count and keeps at most `window` results waiting")
    func executorOrder() throws {
        for threads in [1, 2, 5] {
            var got: [Int] = []
            let maxAhead = Mutex(0)
            let started = Mutex(0)
            let deliveredCount = Mutex(0)
            let n = try SweepExecutor.run(
                count: 40, threads: threads, window: 6, stopFlag: nil,
                work: { i in
                    started.withLock { $0 += 1 }
                    let ahead = started.withLock { $0 } - deliveredCount.withLock { $0 }
                    maxAhead.withLock { $0 = max($0, ahead) }
                    usleep(UInt32((i * 7919) % 5) * 300)
                    return i * i
                },
                deliver: { i, v in
                    #expect(v == i * i)
                    got.append(i)
                    deliveredCount.withLock { $0 += 1 }
                })
            #expect(n == 40 && got == Array(0..<40))
            #expect(maxAhead.withLock { $0 } <= 6)
        }
    }
}


@Suite("proposal files")
struct ProposalFileTests {
    @Test("every shipped proposal under scenarios/proposals parses; governable ones enact, others need --from-start")
    func shipped() throws {
        let root = GCTTestSupport.packageRoot.appendingPathComponent("scenarios/proposals")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files == ["anti-whale-log.yaml", "burn-1pct.yaml", "oracle-min-reports-5.yaml", "staking-bonus-cap-5pct.yaml"])
        for f in files {
            let p = try ProposalFile(path: root.appendingPathComponent(f).path)
            #expect(!p.title.isEmpty && !p.parameters.isEmpty && p.votingPeriodDays == 7 && p.executionDelayDays == 2)
        }
        let burn = try ProposalFile(path: root.appendingPathComponent("burn-1pct.yaml").path)
        #expect(burn.fromStartOverrides == ["economy.burn_rate=0.01"])
    }

    @Test("bad proposal files are located errors")
    func errors() {
        #expect(throws: SweepError.self) { try ProposalFile(yaml: "title: x\nkind: vote\nparameters: {burn_rate: \"0.01\"}", path: "p.yaml") }
        #expect(throws: SweepError.self) { try ProposalFile(yaml: "title: x\nparameters: {burn_rate: \"0.01\"}\nvoting_period: 36h", path: "p.yaml") }
        #expect(throws: SweepError.self) { try ProposalFile(yaml: "title: x\nkind: parameter_change", path: "p.yaml") }
        do {
            _ = try ProposalFile(yaml: "title: x\nparamters: {}", path: "p.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("p.yaml:2:1: error: unknown key 'paramters'"), "\(error.message)")
        }
    }
}
