import GCTEconomics
import GCTWorld

/// `validators:`, `oracle:` and `autoscaling:`, checked against the sections decoded before them.
extension ScenarioDecoder {
    static func validators(
        _ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration
    ) throws(ScenarioError) -> ValidatorsConfiguration {
        let v = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.validatorKeys)
        let d = ValidatorsConfiguration(count: 3, stake: .constant(value: 0))
        let count = try v.requiredValue("count", example: "50") { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 3) }
        let stake = try v.requiredValue("stake", example: "{dist: uniform, min: 10000, max: 200000}") { (n, k) throws(ScenarioError) in
            try distribution(n, k, time: false)
        }
        let minStake = context.economy.staking.minStake
        // Stakes are sampled in GCT as doubles; the world rounds them to base units.
        if stake.supportMinimum * 1e9 < Double(minStake.baseUnits) {
            let reason: String
            switch stake {
            case .exponential, .normal, .lognormal:
                reason = "the \(stake.kindName) distribution reaches down to 0; use constant, uniform, pareto or empirical"
            default:
                reason = "the smallest value it can take is \(stake.supportMinimum)"
            }
            throw ScenarioError(
                at: location(v, "stake"), keyPath: v.child("stake"),
                "\(v.child("stake")): every stake must be at least economy.staking.min_stake (\(minStake.decimalString()) GCT), but \(reason)")
        }
        return ValidatorsConfiguration(
            count: count,
            stake: stake,
            reputation: try v.value("reputation", default: d.reputation) { (n, k) throws(ScenarioError) in
                try number(n, k, "in [0, 1]") { $0 >= 0 && $0 <= 1 }
            },
            regions: try v.value("regions", default: d.regions, regions),
            hardware: try v.value("hardware", default: d.hardware, hardware),
            noise: try v.value("noise", default: d.noise) { (n, k) throws(ScenarioError) in try number(n, k, ">= 0") { $0 >= 0 } },
            unavailability: try v.value("unavailability", default: d.unavailability) { (n, k) throws(ScenarioError) in
                try number(n, k, "in [0, 1)") { $0 >= 0 && $0 < 1 }
            },
            responseTime: try v.value("response_time", default: d.responseTime, responseTime))
    }

    /// A mapping of region name to weight >= 0, at least one > 0; kept in name order so the
    /// file's order changes neither results nor the hash.
    static func regions(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> [RegionWeight] {
        guard case let .mapping(entries) = node.kind, !entries.isEmpty else {
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath): expected a mapping of region name to weight (e.g. {us-east: 2, eu-west: 1}), got \(node.kindDescription)")
        }
        var result: [RegionWeight] = []
        for entry in entries {
            guard !entry.key.isEmpty else {
                throw ScenarioError(at: entry.keyLocation, keyPath: keyPath, "\(keyPath): a region name must not be empty")
            }
            result.append(RegionWeight(name: entry.key, weight: try number(entry.value, "\(keyPath).\(entry.key)", ">= 0") { $0 >= 0 }))
        }
        guard result.contains(where: { $0.weight > 0 }) else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath) needs at least one region with weight > 0")
        }
        return result.sorted { $0.name < $1.name }
    }

    static func hardware(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> HardwareConfiguration {
        let h = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.hardwareKeys)
        let d = HardwareConfiguration()
        return HardwareConfiguration(
            gpuCount: try h.value("gpu_count", default: d.gpuCount) { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 1) },
            memoryGB: try h.value("memory_gb", default: d.memoryGB) { (n, k) throws(ScenarioError) in try number(n, k, "> 0") { $0 > 0 } },
            computeCapability: try h.value("compute_capability", default: d.computeCapability) { (n, k) throws(ScenarioError) in
                try number(n, k, "> 0") { $0 > 0 }
            })
    }

    static func responseTime(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> ResponseTimeConfiguration {
        let r = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.responseTimeKeys)
        let d = ResponseTimeConfiguration()
        let result = ResponseTimeConfiguration(
            mean: try r.value("mean", default: d.mean) { (n, k) throws(ScenarioError) in try positiveDuration(n, k) },
            deadline: try r.value("deadline", default: d.deadline) { (n, k) throws(ScenarioError) in try positiveDuration(n, k) })
        return result
    }

    static func oracle(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> OracleConfiguration {
        let o = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.oracleKeys)
        let d = OracleConfiguration()
        return OracleConfiguration(
            period: try o.value("period", default: d.period) { (n, k) throws(ScenarioError) in try positiveDuration(n, k) },
            outlierMaxDeviation: try o.value("outlier_max_deviation", default: d.outlierMaxDeviation) { (n, k) throws(ScenarioError) in
                try rate(n, k, maximum: Rate(1000, over: 1))
            },
            slashOutliers: try o.value("slash_outliers", default: d.slashOutliers, boolean),
            slashUnavailable: try o.value("slash_unavailable", default: d.slashUnavailable, boolean),
            detector: try o.value("detector", default: d.detector, boolean),
            regionalPricing: try o.value("regional_pricing", default: d.regionalPricing, boolean),
            timeOfDayPricing: try o.value("time_of_day_pricing", default: d.timeOfDayPricing, boolean),
            utcOffsetHours: try o.value("utc_offset_hours", default: d.utcOffsetHours) { (n, k) throws(ScenarioError) in
                try number(n, k, "in [-12, 14]") { $0 >= -12 && $0 <= 14 }
            })
    }

    static func autoscaling(
        _ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration
    ) throws(ScenarioError) -> AutoscalingConfiguration {
        let a = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.autoscalingKeys)
        let servers = context.providers.servers
        let d = AutoscalingConfiguration(maxServers: 4 * servers)
        let minServers = try a.value("min_servers", default: d.minServers) { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 1) }
        let maxServers = try a.value("max_servers", default: d.maxServers) { (n, k) throws(ScenarioError) in
            try integer(n, k, minimum: 1)
        }
        if minServers > servers {
            throw ScenarioError(
                at: location(a, "min_servers"), keyPath: a.child("min_servers"),
                "\(a.child("min_servers")) (\(minServers)) must not exceed providers.servers (\(servers)), the pool at time 0")
        }
        if maxServers < servers {
            throw ScenarioError(
                at: location(a, "max_servers"), keyPath: a.child("max_servers"),
                "\(a.child("max_servers")) (\(maxServers)) must be at least providers.servers (\(servers)), the pool at time 0")
        }
        return AutoscalingConfiguration(
            enabled: try a.value("enabled", default: d.enabled, boolean),
            period: try a.value("period", default: d.period) { (n, k) throws(ScenarioError) in try positiveDuration(n, k) },
            provisioningDelay: try a.value("provisioning_delay", default: d.provisioningDelay, duration),
            minServers: minServers,
            maxServers: maxServers,
            velocityWindow: try a.value("velocity_window", default: d.velocityWindow) { (n, k) throws(ScenarioError) in
                try positiveDuration(n, k)
            })
    }

    /// A duration > 0.
    static func positiveDuration(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> ScenarioDuration {
        let value = try duration(node, keyPath)
        guard value > .zero else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath) must be > 0, got \(node.scalarText ?? "")")
        }
        return value
    }
}
