import GCTWorld

/// Keys written where they cannot act (issue 13, "no inert keys"): each gives one located line,
/// `file:line:column: warning: …`, naming what the key needs. The scenario still loads and runs;
/// the commands print these on stderr.
enum ScenarioWarnings {
    static func check(_ c: ScenarioConfiguration, tree: ScenarioNode) -> [String] {
        var warnings: [String] = []
        func written(_ path: String) -> ScenarioNode.Entry? {
            var node = tree
            var entry: ScenarioNode.Entry?
            for part in path.split(separator: ".") {
                guard let e = node.entry(String(part)) else { return nil }
                entry = e
                node = e.value
            }
            return entry
        }
        func warn(_ path: String, _ message: String) {
            guard let e = written(path) else { return }
            let line = ErrorText.oneLine("\(e.keyLocation): warning: \(path) \(message)")
            if !warnings.contains(line) { warnings.append(line) }
        }
        if c.validators == nil {
            warn("pricing.market_multiplier", "has no effect without validators: the oracle's consensus sets the market multiplier (add validators:)")
        }
        if c.validators != nil {
            warn("validators.hardware", "is not read by this world: capacity is the providers' servers (providers.servers), not the validators' GPUs")
        }
        if let o = c.oracle {
            if o.regionalPricing, !c.users.contains(where: { $0.region != nil }) {
                warn("oracle.regional_pricing", "needs user classes with a region (users[].region, one of validators.regions): no request pays a regional multiplier")
            }
            if !o.timeOfDayPricing {
                warn("oracle.utc_offset_hours", "has no effect without oracle.time_of_day_pricing: true")
            }
        }
        // A profile without a figure for a kernel that a requested operation uses: those operations
        // keep the distribution. `compile` is exempt: a CPU profile never has it (no runtime compiler).
        let requested = ScenarioOperation.allCases.filter { op in
            c.users.contains { $0.operations.contains { $0.operation == op && $0.weight > 0 } }
        }
        func checkProfile(_ profile: ServiceCalibration?, at path: String) {
            guard let profile else { return }
            let uncovered = requested.filter { !profile.calibrates($0) }
            let missing = CalibrationKernel.allCases.filter { k in
                k != .compile && profile.secondsPerUnit[k] == nil
                    && uncovered.contains { KernelWork.kernels(of: $0).contains(k) }
            }
            guard !missing.isEmpty else { return }
            let ops = uncovered.filter { op in KernelWork.kernels(of: op).contains { missing.contains($0) } }
            warn(path, "names a profile without a figure for \(missing.map(\.rawValue).joined(separator: ", ")): \(ops.map(\.rawValue).joined(separator: ", ")) keep providers.service_time's distribution (gctsim calibrate times every kernel)")
        }
        checkProfile(c.providers.serviceTime.calibration, at: "providers.service_time.calibration")
        for g in c.providers.groups { checkProfile(g.calibration, at: "providers.groups") }
        if c.pricing.mode != .fixed {
            warn("pricing.fixed_price", "has no effect unless pricing.mode is fixed")
        }
        return warnings
    }
}
