import Foundation
import GCTEngine
import GCTTrajectory
import Testing
import _GCTTestSupport
@testable import GCTSweep

/// A scenario's `sweep:` section, end to end on the tiny scenario.
@Suite("sweeps: sweep: section", .serialized)
struct SweepSectionTests {
    let runs = SweepRunTests()

    /// The error message of `body`, or nil when it does not throw.
    func failure(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return (error as? SweepError)?.message ?? "\(error)" }
    }

    func write(_ yaml: String, _ name: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let section = """

        sweep:
          vars:
            providers.servers: [1, 2, 3]
            users.0.arrival.rate_per_s: "0.3..0.6:0.3"
          replications: 2
        """

    @Test("a sweep: section is the same sweep as --var on the command line; --var replaces it; run ignores it")
    func sectionEqualsCommandLine() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweep-section")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try runs.scenario(in: dir)
        let withSection = try write(SweepRunTests.yaml + Self.section, "tiny-sweep.yaml", in: dir)
        let fromFile = try SweepScenario(file: withSection, overrides: [], variables: [], layout: .grid, replications: nil, seeding: .common)
        let fromFlags = try SweepScenario(
            file: plain, overrides: [], variables: try ["providers.servers=1,2,3", "users.0.arrival.rate_per_s=0.3,0.6"].map { try SweepVariable(parsing: $0) },
            layout: .grid, replications: 2, seeding: .common)
        #expect(fromFile.plan == fromFlags.plan)
        #expect(fromFile.plan.pointCount == 6 && fromFile.plan.replications == 2)
        // The section is not part of the scenario: same hash, same points.
        #expect(fromFile.identity.differences(from: fromFlags.identity).isEmpty, "\(fromFile.identity.differences(from: fromFlags.identity))")
        let a = dir.appendingPathComponent("a.h5").path, b = dir.appendingPathComponent("b.h5").path
        _ = try SweepDriver.run(fromFile, output: a, threads: 2, shard: nil, force: false, version: "test", stopFlag: nil)
        _ = try SweepDriver.run(fromFlags, output: b, threads: 1, shard: nil, force: false, version: "test", stopFlag: nil)
        #expect(runs.same(try runs.rows(a), try runs.rows(b)))
        // --var replaces the section's vars and zip; --replications its replications.
        let overridden = try SweepScenario(
            file: withSection, overrides: [], variables: [try SweepVariable(parsing: "providers.servers=4,5")], layout: .grid,
            replications: 3, seeding: .common)
        #expect(overridden.plan.pointCount == 2 && overridden.plan.replications == 3)
        // zip from the section
        let zipped = try write(SweepRunTests.yaml + "\nsweep: {vars: {providers.servers: [1, 2], users.0.arrival.rate_per_s: [0.3, 0.6]}, zip: true}", "zip.yaml", in: dir)
        let z = try SweepScenario(file: zipped, overrides: [], variables: [], layout: .grid, replications: nil, seeding: .common)
        #expect(z.plan.layout == .zip && z.plan.pointCount == 2 && z.plan.replications == 3)
    }

    @Test("no --var and no sweep: section, or a bad range in the section, are clear errors naming the place")
    func sectionErrors() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweep-section")
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = try runs.scenario(in: dir)
        let none = failure { _ = try SweepScenario(file: plain, overrides: [], variables: [], layout: .grid, replications: nil, seeding: .common) }
        #expect(none?.contains("at least one --var") == true && none?.contains("sweep: section") == true, "\(none ?? "no error")")
        let bad = try write(SweepRunTests.yaml + "\nsweep:\n  vars:\n    providers.servers: \"4..1:1\"\n", "bad.yaml", in: dir)
        let badRange = failure { _ = try SweepScenario(file: bad, overrides: [], variables: [], layout: .grid, replications: nil, seeding: .common) }
        #expect(badRange?.hasPrefix("\(bad):17:") == true
                && badRange?.contains("error: sweep.vars.providers.servers '4..1:1': the step 1 never goes") == true, "\(badRange ?? "no error")")
        let badPoint = try write(SweepRunTests.yaml + "\nsweep: {vars: {providers.servers: [2, 0]}}\n", "badpoint.yaml", in: dir)
        let point = failure { _ = try SweepScenario(file: badPoint, overrides: [], variables: [], layout: .grid, replications: nil, seeding: .common) }
        #expect(point?.contains("sweep point 1 (providers.servers=0)") == true, "\(point ?? "no error")")
    }
}
