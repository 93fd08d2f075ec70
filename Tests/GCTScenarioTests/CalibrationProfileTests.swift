import Foundation
import GCTWorld
import Testing
import _GCTTestSupport

@testable import GCTScenario

/// Calibration profiles read like scenarios: errors located in the profile's own file.
@Suite("Calibration profiles: relative paths, located errors, canonical round trip")
struct CalibrationProfileTests {
    static let good = """
        # a profile as `gctsim calibrate` writes it
        backend: cpu
        device: host CPU (CPU twins)
        arch: host
        repetitions: 3
        entries:
        - operation: matmul
          unit: flop
          size: 256
          seconds: 0.03
          units: 33554432.0
          secondsPerUnit: 1.0e-09
        - operation: memory
          unit: byte
          secondsPerUnit: 2.0e-10
        - operation: allocation
          unit: allocation
          secondsPerUnit: 5.0e-08
        - operation: transfer
          unit: byte
          secondsPerUnit: 1.0e-10
        - operation: compile
          unit: compilation
          size: 3
          note: no runtime compiler on the CPU path

        """

    static func scenario(calibration: String) -> String {
        """
        name: calibrated
        duration: 1h
        providers:
          servers: 2
          service_time: {default: {dist: exponential, mean: 1s}, calibration: \(calibration), noise: 0.1}
        users:
          - name: u
            arrival: {rate_per_s: 1}
            ops: {matrix_multiplication: 1, kernel_compilation: 1}
            budget: "10"

        """
    }

    /// Writes `profile` as `dir/profiles/p.yaml` and the scenario as `dir/s.yaml` naming it relatively.
    func load(profile: String) throws -> (Result<ResolvedScenario, ScenarioError>, String) {
        let dir = try GCTTestSupport.scratchDirectory("calibration")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("profiles"), withIntermediateDirectories: true)
        let p = dir.appendingPathComponent("profiles/p.yaml")
        try profile.write(to: p, atomically: true, encoding: .utf8)
        let s = dir.appendingPathComponent("s.yaml")
        try Self.scenario(calibration: "profiles/p.yaml").write(to: s, atomically: true, encoding: .utf8)
        do { return (.success(try ScenarioLoader.load(file: s.path)), p.path) } catch { return (.failure(error), p.path) }
    }

    @Test("a profile as calibrate writes it: read relative to the scenario; compile without a figure keeps the distribution")
    func goodProfile() throws {
        let (result, _) = try load(profile: Self.good)
        let s = try result.get()
        let c = try #require(s.configuration.providers.serviceTime.calibration)
        #expect(c.device == "host CPU (CPU twins)")
        #expect(c.secondsPerUnit == [.matmul: 1e-9, .memory: 2e-10, .allocation: 5e-8, .transfer: 1e-10])
        #expect(c.calibrates(.matrixMultiplication) && !c.calibrates(.kernelCompilation))
        #expect(s.configuration.providers.serviceTime.noise == 0.1)
        // The canonical YAML holds the profile inline and reads back to the same scenario.
        #expect(s.canonicalYAML.contains("secondsPerUnit: 1e-09"))
        let again = try ScenarioLoader.load(yaml: s.canonicalYAML)
        #expect(again.configuration == s.configuration)
        #expect(again.canonicalYAML == s.canonicalYAML)
    }

    static let bad: [(label: String, edit: (String, String), line: Int, column: Int, contains: String)] = [
        ("missing op", ("- operation: memory\n  unit: byte", "- unit: byte"), 13, 3, "missing required key 'operation'"),
        ("negative time", ("secondsPerUnit: 5.0e-08", "secondsPerUnit: -5.0e-08"), 18, 19, "must be > 0"),
        ("wrong unit", ("- operation: transfer\n  unit: byte", "- operation: transfer\n  unit: flop"), 20, 9, "the unit of 'transfer' is 'byte'"),
        ("unknown op", ("operation: matmul", "operation: matmull"), 7, 14, "did you mean 'matmul'"),
        ("unknown key", ("arch: host", "archh: host"), 4, 1, "unknown key 'archh'"),
    ]

    @Test("bad profiles: one located error in the profile file", arguments: 0..<bad.count)
    func badProfile(_ i: Int) throws {
        let b = Self.bad[i]
        #expect(Self.good.contains(b.edit.0), "fixture edit for \(b.label)")
        let (result, path) = try load(profile: Self.good.replacingOccurrences(of: b.edit.0, with: b.edit.1))
        guard case let .failure(error) = result else {
            Issue.record("\(b.label): loaded")
            return
        }
        #expect(error.description.hasPrefix("\(path):\(b.line):\(b.column): error:"), "\(b.label): \(error.description)")
        #expect(error.description.contains(b.contains), "\(b.label): \(error.description)")
        #expect(!error.description.contains("\n"))
    }

    @Test("a profile without a kernel a requested operation needs: one located warning naming the kernel and the operations; compile is exempt")
    func missingKernelWarns() throws {
        // The class requests matrix_multiplication and kernel_compilation: no warning for the missing
        // compile figure (a CPU profile never has one).
        let (full, _) = try load(profile: Self.good)
        #expect(try full.get().warnings.isEmpty)
        let noMatmul = Self.good.replacingOccurrences(
            of: "- operation: matmul\n  unit: flop\n  size: 256\n  seconds: 0.03\n  units: 33554432.0\n  secondsPerUnit: 1.0e-09\n", with: "")
        #expect(noMatmul != Self.good)
        let (partial, _) = try load(profile: noMatmul)
        let warnings = try partial.get().warnings
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains(":5:") == true, "located at the calibration key: \(warnings)")
        #expect(warnings.first?.contains("warning: providers.service_time.calibration names a profile without a figure for matmul: matrix_multiplication keep") == true, "\(warnings)")
    }

    @Test("every shipped profile (scenarios/calibration/) loads; calibrated.yaml uses host-cpu.yaml")
    func shippedProfiles() throws {
        let dir = GCTTestSupport.packageRoot.appendingPathComponent("scenarios/calibration")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.contains("host-cpu.yaml"))
        for f in files {
            let r = try ScenarioLoader.load(yaml: Self.scenario(calibration: dir.appendingPathComponent(f).path))
            #expect(r.configuration.providers.serviceTime.calibration?.calibrates(.matrixMultiplication) == true, "\(f)")
        }
        let shipped = try ScenarioLoader.load(file: GCTTestSupport.packageRoot.appendingPathComponent("scenarios/calibrated.yaml").path)
        #expect(shipped.configuration.providers.serviceTime.calibration?.device == "host CPU (CPU twins)")
    }

    @Test("a missing profile file: located at the scenario's calibration value")
    func missingFile() throws {
        let dir = try GCTTestSupport.scratchDirectory("calibration")
        let s = dir.appendingPathComponent("s.yaml")
        try Self.scenario(calibration: "nope.yaml").write(to: s, atomically: true, encoding: .utf8)
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(file: s.path) }
        do { _ = try ScenarioLoader.load(file: s.path) } catch {
            #expect(error.description.hasPrefix("\(s.path):5:"))
            #expect(error.description.contains("cannot read calibration profile"))
        }
    }

    @Test("groups: servers is their sum; a written servers must match; canonical round trip")
    func groups() throws {
        let dir = try GCTTestSupport.scratchDirectory("calibration")
        try Self.good.write(to: dir.appendingPathComponent("cpu.yaml"), atomically: true, encoding: .utf8)
        let text = Self.scenario(calibration: "cpu.yaml").replacingOccurrences(
            of: "  servers: 2\n", with: "  groups: [{servers: 3, calibration: cpu.yaml}, {servers: 5}]\n")
        let s = dir.appendingPathComponent("s.yaml")
        try text.write(to: s, atomically: true, encoding: .utf8)
        let r = try ScenarioLoader.load(file: s.path)
        #expect(r.configuration.providers.servers == 8)
        #expect(r.configuration.providers.groups.map(\.servers) == [3, 5])
        #expect(r.configuration.providers.groups[0].calibration != nil && r.configuration.providers.groups[1].calibration == nil)
        let again = try ScenarioLoader.load(yaml: r.canonicalYAML)
        #expect(again.configuration == r.configuration)
        try text.replacingOccurrences(of: "  groups:", with: "  servers: 7\n  groups:").write(to: s, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(file: s.path)
            Issue.record("servers 7 ≠ 3 + 5 loaded")
        } catch {
            #expect(error.description.contains("must equal the sum of the groups' servers (8)"))
        }
    }
}
