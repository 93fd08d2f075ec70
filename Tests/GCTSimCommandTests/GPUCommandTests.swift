import Foundation
import Testing
import _GCTTestSupport

/// `gctsim devices`, `montecarlo`, `calibrate` (the binary): the fallback without a GPU is clean,
/// noted once on stderr, and gives the same results as `--device cpu`.
@Suite("gctsim devices / montecarlo / calibrate (the binary)")
struct GPUCommandTests {
    struct Run { var status: Int32; var stdout: String; var stderr: String }
    static let missing = ["GCTSIM_GPU_LIB": "/nonexistent/libgctkernels_hip.so"]
    static let hostLibrary = GCTTestSupport.packageRoot.appendingPathComponent("gpu/build/libgctkernels_host.so").path

    static func gctsim(_ args: [String], environment: [String: String]) throws -> Run {
        let r = try GCTTestSupport.run(args, environment: environment)
        return Run(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    /// The JSON output without the fields that name the backend, its thread count or time the run.
    static func results(_ r: Run) throws -> NSDictionary {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return object.filter { !["backend", "seconds", "run_steps_per_second", "threads"].contains($0.key) } as NSDictionary
    }

    @Test func devicesWithoutLibrarySaysWhy() throws {
        let r = try Self.gctsim(["devices"], environment: Self.missing)
        #expect(r.status == 0)
        #expect(r.stdout.contains("devices: none (no kernel library"))
        #expect(r.stdout.contains("kernels run on the CPU path"))
    }

    @Test func autoFallsBackWithOneNoticeAndTheCPUResults() throws {
        let args = ["montecarlo", "oracle", "--rounds", "300", "--validators", "15", "--attackers", "4", "--json"]
        let auto = try Self.gctsim(args, environment: Self.missing)
        let cpu = try Self.gctsim(args + ["--device", "cpu"], environment: Self.missing)
        #expect(auto.status == 0 && cpu.status == 0)
        let lines = auto.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("notice: no GPU (") && lines[0].hasSuffix("; using the CPU path"))
        #expect(cpu.stderr.isEmpty)
        #expect(try Self.results(auto) == Self.results(cpu))
    }

    @Test func gpuWithoutLibraryFails() throws {
        let r = try Self.gctsim(["montecarlo", "tokenflow", "--replications", "2", "--device", "gpu"], environment: Self.missing)
        #expect(r.status == 1 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: --device gpu: no kernel library"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: hostLibrary)))
    func hostBuildThroughTheCommandMatchesTheCPU() throws {
        let args = ["montecarlo", "tokenflow", "--replications", "50", "--days", "400", "--json"]
        let gpu = try Self.gctsim(args + ["--device", "gpu"], environment: ["GCTSIM_GPU_LIB": Self.hostLibrary])
        let cpu = try Self.gctsim(args + ["--device", "cpu"], environment: [:])
        #expect(gpu.status == 0 && gpu.stderr.isEmpty)
        #expect(try Self.results(gpu) == Self.results(cpu))
    }

    @Test func calibrateOnTheCPUWritesAProfile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gctsim-calibrate-\(UUID().uuidString).yaml")
        let r = try Self.gctsim(["calibrate", "--device", "cpu", "--repetitions", "1", "--output", file.path], environment: [:])
        #expect(r.status == 0)
        #expect(r.stderr.contains("timing the host versions of the kernels"))
        let text = try String(contentsOf: file, encoding: .utf8)
        for op in ["matmul", "memory", "allocation", "transfer", "compile"] { #expect(text.contains("operation: \(op)")) }
        #expect(text.contains("secondsPerUnit") && text.contains("backend: cpu"))
        // The profile drops into a scenario as it is: validate lists what it calibrates.
        let v = try Self.gctsim(["validate", "scenarios/calibrated.yaml", "--set", "providers.service_time.calibration=\(file.path)"], environment: [:])
        #expect(v.status == 0, "\(v.stderr)")
        #expect(v.stdout.contains("calibration providers.service_time: host CPU (CPU twins): calibrated: aura_kernel_execution, matrix_multiplication"))
        #expect(v.stdout.contains("distribution: kernel_compilation"))
    }

    @Test("montecarlo oracle --scenario --weight-share: the world's validators and coalition, multiplicative bias")
    func montecarloFromAScenario() throws {
        let r = try Self.gctsim(
            ["montecarlo", "oracle", "--scenario", "scenarios/attacks/spike.yaml", "--weight-share", "0.6", "--bias", "0", "0.5",
             "--rounds", "500", "--device", "cpu", "--drop-outliers", "--json"], environment: [:])
        #expect(r.status == 0, "\(r.stderr)")
        let d = try Self.results(r)
        #expect(d["validators"] as? Int == 20 && d["biasForm"] as? String == "multiplicative" && d["dropOutliers"] as? Bool == true)
        #expect((d["coalitionShare"] as? Double ?? 0) >= 0.6)
        let bad = try Self.gctsim(["montecarlo", "oracle", "--scenario", "scenarios/nope.yaml"], environment: [:])
        #expect(bad.status != 0 && bad.stderr.contains("nope.yaml"))
    }
}
