import GCTEconomics
import GCTWorld

/// `validators:`, `oracle:` and `autoscaling:`, checked against the sections decoded before them.
extension ScenarioDecoder {
    static func validators(
        _ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration
    ) throws(ScenarioError) -> ValidatorsConfiguration {
        let (result, v) = try ValidatorsConfiguration.keys.decode(node, keyPath, from: .start)
        let stake = result.stake
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
        return result
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

    static func autoscaling(
        _ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration
    ) throws(ScenarioError) -> AutoscalingConfiguration {
        let servers = context.providers.servers
        let (result, a) = try AutoscalingConfiguration.keys.decode(node, keyPath, from: .start(servers: servers))
        let (minServers, maxServers) = (result.minServers, result.maxServers)
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
        return result
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
