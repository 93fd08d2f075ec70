import GCTEconomics
import GCTWorld

/// Turns a resolved tree (vars substituted, `extends` merged, `--set` applied) into a
/// validated `ScenarioConfiguration`, checking every type and range before anything runs.
enum ScenarioDecoder {
    static func decode(_ root: ScenarioNode) throws(ScenarioError) -> ScenarioConfiguration {
        if let extends = root.entry("extends") {
            throw ScenarioError(at: extends.keyLocation, keyPath: "extends", "extends cannot be set with --set; edit the file")
        }
        let c = try ScenarioConfiguration.keys.decode(root, "", from: .start).value
        try checkRegions(c, root)
        return c
    }

    /// Each user class's `region` is one of `validators.regions` (validators report per region).
    static func checkRegions(_ c: ScenarioConfiguration, _ root: ScenarioNode) throws(ScenarioError) {
        guard case let .sequence(items)? = root["users"]?.kind else { return }
        for (i, u) in c.users.enumerated() where i < items.count {
            guard let region = u.region, let node = items[i]["region"] else { continue }
            let keyPath = "users.\(i).region"
            guard let v = c.validators else {
                throw ScenarioError(
                    at: node.location, keyPath: keyPath,
                    "\(keyPath) needs validators in that region (e.g. validators: {count: 5, stake: \"50000\", regions: {\(region): 1}}): they report each region's supply and demand")
            }
            let names = v.regions.map(\.name)
            if !names.contains(region) {
                throw ScenarioError.choosing(
                    at: node.location, keyPath: keyPath, "\(keyPath): unknown region '\(region)'; regions come from validators.regions",
                    written: region, validChoices: names)
            }
        }
    }

    // MARK: economy

    static func economy(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> EconomyConfiguration {
        let (result, e) = try EconomyConfiguration.keys.decode(node, keyPath, from: .spec)
        if result.initialSupply > result.cap {
            throw ScenarioError(
                at: (e.optional("initial_supply") ?? e.optional("cap") ?? node).location, keyPath: e.child("initial_supply"),
                "\(e.child("initial_supply")) (\(result.initialSupply)) must not exceed \(e.child("cap")) (\(result.cap))")
        }
        if (result.initialSupply.adding(result.treasury).map { $0 > result.cap } ?? true) {
            throw ScenarioError(
                at: location(e, "treasury"), keyPath: e.child("treasury"),
                "\(e.child("initial_supply")) + \(e.child("treasury")) (\(result.initialSupply) + \(result.treasury)) must not exceed \(e.child("cap")) (\(result.cap)): both are minted at genesis")
        }
        if result.governanceMinimumStake.isZero {
            throw ScenarioError(
                at: location(e, "governance_minimum_stake"), keyPath: e.child("governance_minimum_stake"),
                "\(e.child("governance_minimum_stake")) must be > 0")
        }
        return result
    }

    static func shares(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> DistributionShares {
        let result = try DistributionShares.keys.decode(node, keyPath, from: .default).value
        guard result.isComplete else {
            let sum = Rate.adding(result.provider, result.validators).flatMap { Rate.adding($0, result.feePool) }
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath): provider + validators + fee_pool must add up to exactly 1, got \(result.provider) + \(result.validators) + \(result.feePool) = \(sum.map { "\($0)" } ?? "out of range")")
        }
        return result
    }

    // MARK: pricing

    static func pricing(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> PricingConfiguration {
        let (result, p) = try PricingConfiguration.keys.decode(node, keyPath, from: PricingConfiguration())
        if result.mode == .fixed, result.fixedPrice == nil {
            throw ScenarioError(
                at: (p.optional("mode") ?? node).location, keyPath: p.child("fixed_price"),
                "\(p.child("fixed_price")) is required when \(p.child("mode")) is fixed (e.g. fixed_price: \"1\")")
        }
        return result
    }

    // MARK: providers

    static func providers(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> ProviderConfiguration {
        try ProviderConfiguration.keys.decode(node, keyPath, from: .start).value
    }

    static func serviceTime(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> ServiceTimeConfiguration {
        if case .mapping = node.kind, node["dist"] != nil {
            // A bare distribution applies to every operation.
            return ServiceTimeConfiguration(default: try distribution(node, keyPath, time: true))
        }
        if case .scalar = node.kind {
            return ServiceTimeConfiguration(default: try distribution(node, keyPath, time: true))
        }
        let s = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.serviceTimeKeys)
        let fallback = try s.requiredValue("default", example: "{dist: exponential, mean: 1s}") { (n, k) throws(ScenarioError) in
            try distribution(n, k, time: true)
        }
        var perOperation: [ScenarioOperation: DistributionSpec] = [:]
        for entry in s.entries where !["default", "calibration", "noise"].contains(entry.key) && !entry.value.isNull {
            let op = try operation(entry.key, at: entry.keyLocation, keyPath: keyPath)
            perOperation[op] = try distribution(entry.value, s.child(entry.key), time: true)
        }
        let calibration = try s.optionalValue("calibration", calibration)
        let noise = try s.value("noise", default: 0) { (n, k) throws(ScenarioError) in
            try number(n, k, "in [0, 10] (coefficient of variation)") { $0 >= 0 && $0 <= 10 }
        }
        return ServiceTimeConfiguration(default: fallback, perOperation: perOperation, calibration: calibration, noise: noise)
    }
}
