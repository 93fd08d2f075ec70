import Foundation
import GCTEconomics
import GCTEngine
import GCTScenario
import Testing
import _GCTTestSupport
@testable import GCTWorld

/// Calibrated service times (docs/world-model.md, "Calibrated service times"): the shipped
/// scenario against its profile's predictions, a faster matmul, server groups.
@Suite("Calibrated service times")
struct CalibratedServiceTimeTests {
    static let file = GCTTestSupport.packageRoot.appendingPathComponent("scenarios/calibrated.yaml").path

    /// scenarios/calibrated.yaml, shortened for a debug build.
    func scenario(_ sets: [String] = []) throws -> ScenarioConfiguration {
        try ScenarioLoader.load(file: Self.file, overrides: ["duration=1h", "warmup=10m", "replications=1"] + sets).configuration
    }

    /// The profile's mean service time of `op` for the class that requests it (each operation is
    /// requested by one class): linear in memory, compute units × minutes and memory × minutes, so
    /// the mean over the resource distributions is the formula at their means.
    func prediction(_ c: ScenarioConfiguration, _ op: ScenarioOperation, profile: ServiceCalibration) -> Double? {
        guard let u = c.users.first(where: { $0.operations.contains { $0.operation == op && $0.weight > 0 } }) else { return nil }
        return profile.meanSeconds(
            op, memoryGB: u.resources.memoryGB.mean!, computeUnits: u.resources.computeUnits.mean!,
            minutes: u.resources.minutes.mean!).map { $0 / c.providers.speed }
    }

    @Test("calibrated.yaml: each calibrated op's mean service time is the profile's prediction within sampling error; the rest keep the distribution")
    func meansMatchProfile() throws {
        let c = try scenario()
        let profile = try #require(c.providers.serviceTime.calibration)
        let o = try #require(try ReplicationRunner.run(c, threads: 1, observer: { _ in NullObserver() }, stopFlag: nil).first)
        let metrics = o.metrics
        var checked = 0
        for op in ScenarioOperation.allCases {
            let s = o.statistics.operations[op.tableIndex].services
            guard s.count > 0 else { continue }
            let reported = try #require(metrics[ReportMetricName.operationServices[op.tableIndex]])
            #expect(reported == s.mean)
            let se = (s.variance / Double(s.count)).squareRoot()
            if profile.calibrates(op) {
                let expected = try #require(prediction(c, op, profile: profile))
                #expect(abs(s.mean - expected) < 4 * se + 1e-6, "\(op.rawValue): mean \(s.mean) vs profile \(expected) (se \(se), n \(s.count))")
                checked += 1
            } else {
                let expected = c.providers.serviceTime.distribution(for: op).mean! / c.providers.speed
                #expect(abs(s.mean - expected) < 4 * se + 1e-6, "\(op.rawValue) (not calibrated): mean \(s.mean) vs distribution \(expected)")
            }
        }
        #expect(checked >= 4)
    }

    @Test("a profile with a 10× faster matmul: matrix-heavy ops serve and wait less; ops without matmul keep their service times")
    func fasterMatmul() throws {
        let c = try scenario()
        var fast = c
        fast.providers.serviceTime.calibration!.secondsPerUnit[.matmul]! /= 10
        let a = try #require(try ReplicationRunner.run(c, threads: 1, observer: { _ in NullObserver() }, stopFlag: nil).first)
        let b = try #require(try ReplicationRunner.run(fast, threads: 1, observer: { _ in NullObserver() }, stopFlag: nil).first)
        let profile = c.providers.serviceTime.calibration!
        for op in ScenarioOperation.allCases where profile.calibrates(op) {
            let sa = a.statistics.operations[op.tableIndex], sb = b.statistics.operations[op.tableIndex]
            guard sa.services.count > 50 else { continue }
            if KernelWork.kernels(of: op).contains(.matmul) {
                // Served by the faster profile's prediction (a tenth for pure matrix work), waiting less.
                let expected = try #require(prediction(fast, op, profile: fast.providers.serviceTime.calibration!))
                #expect(abs(sb.services.mean - expected) < 4 * sb.services.standardError + 1e-6, "\(op.rawValue) service")
                #expect(sb.services.mean < sa.services.mean, "\(op.rawValue) service")
                #expect(sb.waits.mean < sa.waits.mean, "\(op.rawValue) wait")
            } else {
                let se = (sa.services.variance / Double(sa.services.count) + sb.services.variance / Double(sb.services.count)).squareRoot()
                #expect(abs(sa.services.mean - sb.services.mean) < 4 * se, "\(op.rawValue): \(sa.services.mean) vs \(sb.services.mean)")
            }
        }
        #expect(b.statistics.meanWait < a.statistics.meanWait)
    }

    @Test("without a profile nothing changes: the per-op metrics are absent and the summary is the same as with groups of no profile")
    func noProfileNoChange() throws {
        var c = try scenario()
        c.providers.serviceTime.calibration = nil
        let plain = try #require(try ReplicationRunner.run(c, threads: 1, observer: { _ in NullObserver() }, stopFlag: nil).first)
        #expect(plain.metrics[.meanServiceMatrixMultiplication] == nil)
        var grouped = c
        grouped.providers.groups = [ProviderGroup(servers: c.providers.servers / 2), ProviderGroup(servers: c.providers.servers - c.providers.servers / 2)]
        let g = try #require(try ReplicationRunner.run(grouped, threads: 1, observer: { _ in NullObserver() }, stopFlag: nil).first)
        #expect(g.statistics == plain.statistics)
    }

    @Test("groups: servers of a 100× faster profile take the matrix work faster; the mix is by server id")
    func groupsMixHardware() throws {
        let c = try scenario()
        let cpu = c.providers.serviceTime.calibration!
        var gpu = cpu
        for k in CalibrationKernel.allCases { gpu.secondsPerUnit[k] = gpu.secondsPerUnit[k].map { $0 / 100 } }
        var mixed = c
        mixed.providers.groups = [ProviderGroup(servers: c.providers.servers / 2, calibration: gpu), ProviderGroup(servers: c.providers.servers - c.providers.servers / 2)]
        let a = try #require(try ReplicationRunner.run(c, threads: 1, observer: { _ in NullObserver() }, stopFlag: nil).first)
        let b = try #require(try ReplicationRunner.run(mixed, threads: 1, observer: { _ in NullObserver() }, stopFlag: nil).first)
        let m = ScenarioOperation.matrixMultiplication.tableIndex
        #expect(b.statistics.operations[m].services.mean < a.statistics.operations[m].services.mean)
        #expect(b.statistics.meanWait < a.statistics.meanWait)
        let model = try #require(MarketCalibration(mixed.providers))
        let half = Int32(c.providers.servers / 2)
        #expect(model.group(ofServer: 0) == 0 && model.group(ofServer: half) == 1)
        #expect(model.group(ofServer: Int32(c.providers.servers)) == 0)
    }

    @Test("the work table: each op uses its documented kernels; a profile without compile leaves kernel_compilation to the distribution")
    func workTable() {
        let w = KernelWork.of(operation: ScenarioOperation.matrixMultiplication.tableIndex, memoryGB: 2, computeUnits: 3, minutes: 0.5)
        #expect(w == KernelWork(matmul: 1.5e9))
        let t = KernelWork.of(operation: ScenarioOperation.dataTransfer.tableIndex, memoryGB: 2, computeUnits: 3, minutes: 0.5)
        #expect(t == KernelWork(transfer: 4 * 1_073_741_824))
        #expect(KernelWork.kernels(of: .hybridWorkflow) == [.matmul, .transfer])
        let p = ServiceCalibration(device: "x", secondsPerUnit: [.matmul: 1e-9, .memory: 1e-10, .allocation: 1e-6, .transfer: 1e-10])
        #expect(!p.calibrates(.kernelCompilation))
        #expect(p.calibratedOperations.count == 6)
        #expect(p.meanSeconds(.matrixMultiplication, memoryGB: 1, computeUnits: 2, minutes: 1) == 2)
    }
}
