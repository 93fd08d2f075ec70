import Foundation
import GCTEconomics
import GCTGPU
import Testing
import _GCTTestSupport

/// Device selection, the fallback and the dlopen path. The last two tests use the libraries of
/// `make -C gpu` (run by `make test`) and are skipped when they were not built.
@Suite("Backends: cpu | gpu | auto, fallback, dlopen")
struct BackendSelectionTests {
    static let hipLibrary = GCTTestSupport.packageRoot.appendingPathComponent("gpu/build/libgctkernels_hip.so").path
    static let hostLibrary = GCTTestSupport.packageRoot.appendingPathComponent("gpu/build/libgctkernels_host.so").path

    @Test func cpuNeedsNoLibrary() throws {
        let (backend, notice) = try ComputeBackend.select(.cpu, load: { () throws(KernelError) in
            throw .library(reason: "must not be called")
        })
        #expect(!backend.isGPU && notice == nil)
    }

    @Test func autoFallsBackWithOneLineNotice() throws {
        let (backend, notice) = try ComputeBackend.select(.auto, load: { () throws(KernelError) in
            throw .library(reason: "no kernel library (libgctkernels_hip.so not found)")
        })
        #expect(!backend.isGPU)
        #expect(notice == "notice: no GPU (no kernel library (libgctkernels_hip.so not found)); using the CPU path")
    }

    @Test func gpuWithoutLibraryIsAnError() {
        #expect(throws: KernelError.library(reason: "missing")) {
            try ComputeBackend.select(.gpu, load: { () throws(KernelError) in throw .library(reason: "missing") })
        }
    }

    @Test func explicitPathComesFromTheEnvironment() {
        #expect(KernelLibrary.candidatePaths(environment: ["GCTSIM_GPU_LIB": "/x/lib.so"]) == ["/x/lib.so"])
        #expect(KernelLibrary.candidatePaths(environment: [:]).allSatisfy { $0.hasSuffix("libgctkernels_hip.so") })
    }

    @Test func missingFileGivesAReason() {
        #expect(throws: KernelError.self) { try KernelLibrary(path: "/nonexistent/libgctkernels_hip.so") }
    }

    /// The real HIP library on a machine without an AMD GPU: it loads, and reports no device.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: hipLibrary)))
    func hipLibraryWithoutDeviceFallsBack() throws {
        let library = try KernelLibrary(path: Self.hipLibrary)
        let devices = Result { () throws(KernelError) in try library.devices() }
        if case let .success(found) = devices, !found.isEmpty { return }  // a machine with a GPU
        let (backend, notice) = try ComputeBackend.select(.auto, load: { library })
        #expect(!backend.isGPU)
        #expect(notice?.hasPrefix("notice: no GPU (libamdhip64: ") == true)
    }

    /// The host-only build of the .hip source, through dlopen: the GPU code path, bit-identical results.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: hostLibrary)))
    func hostBuildOfTheHIPSourceAgreesWithTheCPUTwins() throws {
        let library = try KernelLibrary(path: Self.hostLibrary)
        let (backend, notice) = try ComputeBackend.select(.gpu, load: { library })
        #expect(backend.isGPU && notice == nil)
        #expect(try library.devices().first?.arch == "host")
        let batch = OracleMonteCarlo(
            seed: 77, validators: (0 ..< 31).map { MonteCarloValidator(stake: TokenAmount(gct: Int64(100 + $0)), reputation: Reputation(ppb: 900_000_000)) },
            attackers: 9, rounds: 300, truePrice: FixedDecimal(3))
        let cpu = try batch.run(biases: [0, 0.1, 0.6], on: .cpu)
        let gpu = try batch.run(biases: [0, 0.1, 0.6], on: backend)
        #expect(cpu.count == 900)
        #expect(zip(cpu, gpu).allSatisfy { $0 == $1 && $0.zScore.bitPattern == $1.zScore.bitPattern })
        var scaled = batch
        scaled.biasForm = .multiplicative
        scaled.dropOutliers = true
        let cpuScaled = try scaled.run(biases: [0, 0.1, 0.6], on: .cpu)
        let gpuScaled = try scaled.run(biases: [0, 0.1, 0.6], on: backend)
        #expect(zip(cpuScaled, gpuScaled).allSatisfy { $0 == $1 && $0.zScore.bitPattern == $1.zScore.bitPattern })
        #expect(cpuScaled != cpu)
        let p = TokenFlowParameters(seed: 5, replications: 20, days: 400)
        let a = try TokenFlowEnsemble.run(p, keepDaily: true, on: .cpu)
        let b = try TokenFlowEnsemble.run(p, keepDaily: true, on: backend)
        #expect(a.daily == b.daily && a.finals == b.finals)
    }

    @Test func cpuCalibrationTimesEveryOperationButCompile() throws {
        let profile = try CalibrationProfile.measure(
            on: .cpu, sizes: [.matmul: 32, .memory: 1 << 14, .allocation: 16, .transfer: 1 << 16], repetitions: 1)
        #expect(profile.backend == "cpu" && profile.entries.count == BenchmarkOperation.allCases.count)
        for e in profile.entries where e.operation != .compile {
            #expect((e.secondsPerUnit ?? 0) > 0, "\(e.operation)")
        }
        let compile = try #require(profile.entries.first { $0.operation == .compile })
        #expect(compile.secondsPerUnit == nil && compile.note != nil)
        let matmul = try #require(profile.entries.first { $0.operation == .matmul })
        let units = try #require(matmul.units)
        #expect(units == Double(2 * 32 * 32 * 32))  // 2n³ flops
    }
}
