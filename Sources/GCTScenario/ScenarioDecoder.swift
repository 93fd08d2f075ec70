import GCTEconomics
import GCTWorld

/// Turns a resolved tree (vars substituted, `extends` merged, `--set` applied) into a
/// validated `ScenarioConfiguration`, checking every type and range before anything runs.
enum ScenarioDecoder {
    static func decode(_ root: ScenarioNode) throws(ScenarioError) -> ScenarioConfiguration {
        if let extends = root.entry("extends") {
            throw ScenarioError(at: extends.keyLocation, keyPath: "extends", "extends cannot be set with --set; edit the file")
        }
        let top = try MappingReader(
            root, keyPath: "", validKeys: ScenarioSchema.topLevelKeys, reserved: ScenarioSchema.reservedTopLevelKeys)
        let name = try top.requiredValue("name", example: "my-scenario", string)
        guard !name.isEmpty else {
            throw ScenarioError(at: top.optional("name")!.location, keyPath: "name", "name must not be empty")
        }
        let horizon = try top.requiredValue("duration", example: "365d", duration)
        guard horizon > .zero else {
            throw ScenarioError(at: top.optional("duration")!.location, keyPath: "duration", "duration must be > 0, got \(horizon)")
        }
        var c = ScenarioConfiguration(
            name: name,
            description: try top.value("description", default: "", string),
            seed: try top.value("seed", default: 0, seed),
            replications: try top.value("replications", default: 1) { (n, p) throws(ScenarioError) in try integer(n, p, minimum: 1) },
            duration: horizon,
            warmup: try top.value("warmup", default: .zero, duration),
            metrics: try top.value("metrics", default: MetricsConfiguration(), metrics),
            economy: try top.value("economy", default: .spec, economy),
            pricing: try top.value("pricing", default: PricingConfiguration(), pricing),
            providers: try top.requiredValue("providers", example: "{servers: 8, service_time: {default: {dist: exponential, mean: 1s}}}", providers),
            users: try top.requiredValue("users", example: "[{name: researchers, arrival: {rate_per_s: 1}, ops: {matrix_multiplication: 1}, budget: \"100\"}]", users)
        )
        // The later sections are checked against the earlier ones (stake against min_stake,
        // scaling bounds against servers, attacks against validators and user classes).
        let context = c
        c.validators = try top.optionalValue("validators") { (n, k) throws(ScenarioError) in try validators(n, k, context) }
        if top.optional("oracle") != nil, c.validators == nil {
            throw ScenarioError(
                at: top.entries.first { $0.key == "oracle" }!.keyLocation, keyPath: "oracle",
                "oracle needs a validators section (e.g. validators: {count: 5, stake: \"50000\"})")
        }
        c.oracle = try top.optionalValue("oracle", oracle)
        c.autoscaling = try top.optionalValue("autoscaling") { (n, k) throws(ScenarioError) in try autoscaling(n, k, context) }
        c.stakers = try top.optionalValue("stakers") { (n, k) throws(ScenarioError) in try stakers(n, k) }
        let withValidators = c
        c.governance = try top.optionalValue("governance") { (n, k) throws(ScenarioError) in try governance(n, k, withValidators) }
        c.attacks = try top.optionalValue("attacks") { (n, k) throws(ScenarioError) in try attacks(n, k, withValidators) }
        return c
    }

    static func metrics(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> MetricsConfiguration {
        let m = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.metricsKeys)
        let interval = try m.value("interval", default: MetricsConfiguration().interval, duration)
        guard interval > .zero else {
            throw ScenarioError(at: m.optional("interval")!.location, keyPath: m.child("interval"), "\(m.child("interval")) must be > 0")
        }
        return MetricsConfiguration(interval: interval, sampleEvents: try m.value("sample_events", default: true, boolean))
    }

    // MARK: economy

    static func economy(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> EconomyConfiguration {
        let e = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.economyKeys)
        let spec = EconomyConfiguration.spec
        let result = EconomyConfiguration(
            burnRate: try e.value("burn_rate", default: spec.burnRate) { (n, p) throws(ScenarioError) in try rate(n, p) },
            distribution: try e.value("distribution", default: spec.distribution, shares),
            initialSupply: try e.value("initial_supply", default: spec.initialSupply, amount),
            cap: try e.value("cap", default: spec.cap, amount),
            staking: try e.value("staking", default: spec.staking, staking),
            emission: try e.value("emission", default: spec.emission, emission),
            slashing: try e.value("slashing", default: spec.slashing, slashing),
            governanceMinimumStake: try e.value("governance_minimum_stake", default: spec.governanceMinimumStake, amount),
            treasury: try e.value("treasury", default: spec.treasury, amount))
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

    static func slashing(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> SlashingConfiguration {
        let s = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.slashingKeys)
        let d = SlashingConfiguration()
        func fraction(_ key: String, _ fallback: Rate) throws(ScenarioError) -> Rate {
            try s.value(key, default: fallback) { (n, k) throws(ScenarioError) in try rate(n, k) }
        }
        return SlashingConfiguration(
            oracleOutlier: try fraction("oracle_outlier", d.oracleOutlier),
            unavailability: try fraction("unavailability", d.unavailability),
            provenManipulation: try fraction("proven_manipulation", d.provenManipulation),
            destination: try s.value("destination", default: d.destination, choice))
    }

    static func shares(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> DistributionShares {
        let s = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.distributionSharesKeys)
        func share(_ key: String) throws(ScenarioError) -> Rate {
            try s.requiredValue(key, example: "\"0.85\"") { (n, p) throws(ScenarioError) in try rate(n, p) }
        }
        let result = DistributionShares(provider: try share("provider"), validators: try share("validators"), feePool: try share("fee_pool"))
        guard result.isComplete else {
            let sum = Rate.adding(result.provider, result.validators).flatMap { Rate.adding($0, result.feePool) }
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath): provider + validators + fee_pool must add up to exactly 1, got \(result.provider) + \(result.validators) + \(result.feePool) = \(sum.map { "\($0)" } ?? "out of range")")
        }
        return result
    }

    static func staking(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> StakingConfiguration {
        let s = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.stakingKeys)
        let d = StakingConfiguration()
        let epoch = try s.value("epoch", default: d.epoch, duration)
        guard epoch > .zero else {
            throw ScenarioError(at: s.optional("epoch")!.location, keyPath: s.child("epoch"), "\(s.child("epoch")) must be > 0")
        }
        return StakingConfiguration(
            minStake: try s.value("min_stake", default: d.minStake, amount), epoch: epoch,
            funding: try s.value("funding", default: d.funding, choice), cooldown: try s.value("cooldown", default: d.cooldown, duration))
    }

    static func emission(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> EmissionConfiguration {
        let e = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.emissionKeys)
        let d = EmissionConfiguration()
        return EmissionConfiguration(
            miningRate: try e.value("mining", default: d.miningRate) { (n, p) throws(ScenarioError) in try rate(n, p) },
            validatorRate: try e.value("validator", default: d.validatorRate) { (n, p) throws(ScenarioError) in try rate(n, p) })
    }

    // MARK: pricing

    static func pricing(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> PricingConfiguration {
        let p = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.pricingKeys)
        let d = PricingConfiguration()
        let result = PricingConfiguration(
            mode: try p.value("mode", default: d.mode, choice),
            marketMultiplier: try p.value("market_multiplier", default: d.marketMultiplier, choice),
            queuePriority: try p.value("queue_priority", default: d.queuePriority, choice),
            fixedPrice: try p.optionalValue("fixed_price", amount))
        if result.mode == .fixed, result.fixedPrice == nil {
            throw ScenarioError(
                at: (p.optional("mode") ?? node).location, keyPath: p.child("fixed_price"),
                "\(p.child("fixed_price")) is required when \(p.child("mode")) is fixed (e.g. fixed_price: \"1\")")
        }
        return result
    }

    // MARK: providers

    static func providers(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> ProviderConfiguration {
        let p = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.providerKeys)
        let servers = try p.requiredValue("servers", example: "8") { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 1) }
        return ProviderConfiguration(
            servers: servers,
            count: try p.value("count", default: servers) { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 1) },
            failureProbability: try p.value("failure_probability", default: 0) { (n, k) throws(ScenarioError) in
                try number(n, k, "in [0, 1)") { $0 >= 0 && $0 < 1 }
            },
            serviceTime: try p.requiredValue("service_time", example: "{default: {dist: exponential, mean: 1s}}", serviceTime),
            speed: try p.value("speed", default: 1) { (n, k) throws(ScenarioError) in try number(n, k, "> 0") { $0 > 0 } })
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
        for entry in s.entries where entry.key != "default" && !entry.value.isNull {
            let op = try operation(entry.key, at: entry.keyLocation, keyPath: keyPath)
            perOperation[op] = try distribution(entry.value, s.child(entry.key), time: true)
        }
        return ServiceTimeConfiguration(default: fallback, perOperation: perOperation)
    }
}
