import GCTEconomics
import GCTWorld

extension ScenarioDecoder {
    static func users(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> [UserClassConfiguration] {
        let items = try list(node, keyPath, expected: "a list of user classes (- name: …)")
        guard !items.isEmpty else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath) must list at least one user class")
        }
        var result: [UserClassConfiguration] = []
        var seen: [String: SourceLocation] = [:]
        for (i, item) in items.enumerated() {
            let user = try userClass(item, "\(keyPath).\(i)")
            let nameLocation = item["name"]!.location
            if let first = seen[user.name] {
                throw ScenarioError(
                    at: nameLocation, keyPath: "\(keyPath).\(i).name",
                    "duplicate user class name '\(user.name)' (first at \(first)); names must be unique")
            }
            seen[user.name] = nameLocation
            result.append(user)
        }
        return result
    }

    static func userClass(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> UserClassConfiguration {
        let u = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.userKeys)
        let name = try u.requiredValue("name", example: "researchers", string)
        guard !name.isEmpty else {
            throw ScenarioError(at: u.optional("name")!.location, keyPath: u.child("name"), "\(u.child("name")) must not be empty")
        }
        return UserClassConfiguration(
            name: name,
            count: try u.value("count", default: 1) { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 1) },
            arrival: try u.requiredValue("arrival", example: "{process: poisson, rate_per_s: 1}", arrival),
            operations: try u.requiredValue("ops", example: "{matrix_multiplication: 3, data_transfer: 1}", operations),
            resources: try u.value("resources", default: ResourceConfiguration(), resources),
            budget: try u.requiredValue("budget", example: "\"1000\"", amount),
            topUp: try u.optionalValue("top_up", topUp),
            maxPrice: try u.optionalValue("max_price", amount),
            payment: try u.optionalValue("payment", amount),
            region: try u.optionalValue("region") { (n, k) throws(ScenarioError) in
                let r = try string(n, k)
                guard !r.isEmpty else { throw ScenarioError(at: n.location, keyPath: k, "\(k) must not be empty") }
                return r
            })
    }

    static func arrival(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> ArrivalConfiguration {
        let a = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.arrivalKeys)
        return ArrivalConfiguration(
            process: try a.value("process", default: .poisson, choice),
            ratePerSecond: try a.requiredValue("rate_per_s", example: "7.2") { (n, k) throws(ScenarioError) in
                try number(n, k, "> 0") { $0 > 0 }
            },
            dailyProfile: try a.optionalValue("daily_profile", dailyProfile))
    }

    static func dailyProfile(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> [Double] {
        let items = try list(node, keyPath, expected: "a list of 24 hourly weights")
        guard items.count == 24 else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath) must have 24 hourly weights (hour 0 first), got \(items.count)")
        }
        var weights: [Double] = []
        for (h, item) in items.enumerated() {
            weights.append(try number(item, "\(keyPath).\(h)", ">= 0") { $0 >= 0 })
        }
        guard weights.contains(where: { $0 > 0 }) else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath) needs at least one weight > 0")
        }
        return weights
    }

    static func operations(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> [OperationWeight] {
        guard case let .mapping(entries) = node.kind else {
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath): expected a mapping of op name to weight (e.g. {matrix_multiplication: 3}), got \(node.kindDescription)",
                validChoices: ScenarioOperation.yamlNames)
        }
        var weights: [ScenarioOperation: Double] = [:]
        for entry in entries {
            let op = try operation(entry.key, at: entry.keyLocation, keyPath: keyPath)
            weights[op] = try number(entry.value, "\(keyPath).\(entry.key)", ">= 0") { $0 >= 0 }
        }
        guard weights.values.contains(where: { $0 > 0 }) else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath) needs at least one op with weight > 0")
        }
        return ScenarioOperation.allCases.compactMap { op in weights[op].map { OperationWeight(operation: op, weight: $0) } }
    }

    static func resources(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> ResourceConfiguration {
        let r = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.resourceKeys)
        let d = ResourceConfiguration()
        func plain(_ n: ScenarioNode, _ k: String) throws(ScenarioError) -> DistributionSpec { try distribution(n, k, time: false) }
        return ResourceConfiguration(
            memoryGB: try r.value("memory_gb", default: d.memoryGB, plain),
            computeUnits: try r.value("compute_units", default: d.computeUnits, plain),
            minutes: try r.value("minutes", default: d.minutes, plain))
    }

    static func topUp(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> TopUpConfiguration {
        let t = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.topUpKeys)
        let amountValue = try t.requiredValue("amount", example: "\"100\"", amount)
        guard amountValue.isPositive else {
            throw ScenarioError(at: t.optional("amount")!.location, keyPath: t.child("amount"), "\(t.child("amount")) must be > 0")
        }
        return TopUpConfiguration(amount: amountValue, whenBelow: try t.requiredValue("when_below", example: "\"10\"", amount))
    }

    // MARK: distributions

    /// A distribution spec, or a constant written as a bare value.
    ///
    /// - Parameter time: the quantity is a time: location/scale parameters need a unit (`mean: 1s`)
    ///   and are stored in seconds.
    static func distribution(_ node: ScenarioNode, _ keyPath: String, time: Bool) throws(ScenarioError) -> DistributionSpec {
        func value(_ n: ScenarioNode, _ k: String, _ parameter: String) throws(ScenarioError) -> Double {
            if time && ScenarioSchema.timeParameters.contains(parameter) {
                return Double(try duration(n, k).nanoseconds) / 1e9
            }
            return try number(n, k)
        }
        let spec: DistributionSpec
        switch node.kind {
        case .scalar:
            spec = .constant(value: try value(node, keyPath, "value"))
        case .mapping:
            let kindNode = try MappingReader(node, keyPath: keyPath, validKeys: [ScenarioSchema.distributionKindKey] + allParameters)
                .requiredValue("dist", example: "exponential") { (n, k) throws(ScenarioError) in
                    let text = try scalar(n, k, expected: "a distribution name")
                    guard DistributionSpec.kindNames.contains(text) else {
                        throw ScenarioError.choosing(
                            at: n.location, keyPath: k, "\(k): unknown distribution '\(text)'", written: text,
                            validChoices: DistributionSpec.kindNames)
                    }
                    return text
                }
            let parameters = ScenarioSchema.distributionParameters(kindNode)
            let m = try MappingReader(node, keyPath: keyPath, validKeys: [ScenarioSchema.distributionKindKey] + parameters)
            func p(_ name: String) throws(ScenarioError) -> Double {
                try m.requiredValue(name, example: time && ScenarioSchema.timeParameters.contains(name) ? "1s" : "1") {
                    (n, k) throws(ScenarioError) in try value(n, k, name)
                }
            }
            func numbers(_ name: String) throws(ScenarioError) -> [Double] {
                try m.requiredValue(name, example: "[1, 2, 3]") { (n, k) throws(ScenarioError) in
                    var out: [Double] = []
                    for (i, item) in try list(n, k, expected: "a list").enumerated() { out.append(try value(item, "\(k).\(i)", name)) }
                    return out
                }
            }
            switch kindNode {
            case "constant": spec = .constant(value: try p("value"))
            case "uniform": spec = .uniform(min: try p("min"), max: try p("max"))
            case "exponential": spec = .exponential(mean: try p("mean"))
            case "normal": spec = .normal(mean: try p("mean"), sd: try p("sd"))
            case "lognormal": spec = .lognormal(mean: try p("mean"), cv: try p("cv"))
            case "pareto": spec = .pareto(scale: try p("scale"), shape: try p("shape"))
            default: spec = .empirical(values: try numbers("values"), weights: try numbers("weights"))
            }
        default:
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath): expected a distribution such as {dist: exponential, mean: \(time ? "1s" : "2")} or a constant, got \(node.kindDescription)")
        }
        if let problem = spec.validationProblem {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath): \(problem)")
        }
        return spec
    }

    private static var allParameters: [String] {
        var seen: [String] = []
        for kind in DistributionSpec.kindNames {
            for p in ScenarioSchema.distributionParameters(kind) where !seen.contains(p) { seen.append(p) }
        }
        return seen
    }
}
