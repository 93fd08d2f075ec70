import GCTEconomics
import GCTWorld

extension ScenarioConfiguration {
    /// The starting value of decoding: `name`, `duration`, `providers` and `users` are required, so never shown.
    static var start: ScenarioConfiguration {
        ScenarioConfiguration(name: "", duration: .zero, providers: ProviderConfiguration.start, users: [])
    }

    /// The top-level keys. Later sections are checked against earlier ones (stake against
    /// `min_stake`, scaling bounds against `servers`, attacks against validators and user classes),
    /// so the order matters: each key is decoded with every key above it already read.
    static var keys: ScenarioSection<ScenarioConfiguration> {
        ScenarioSection(keys: [
            .required("name", \.name, Codecs.nonEmptyString, example: "my-scenario", "the scenario's name"),
            .value("description", \.description, Codecs.string, "one line for people"),
            .custom("extends", rows: [KeyRow(key: "extends", type: "path", defaultText: "—", doc: "see [extends](#extends)")], decode: { _, _ in }, emit: { _, _, _ in }),
            .custom("vars", rows: [KeyRow(key: "vars", type: "mapping", defaultText: "—", doc: "see [vars](#vars)")], decode: { _, _ in }, emit: { _, _, _ in }),
            .value("seed", \.seed, Codecs.seed, "replication `r` draws from random streams keyed by `(seed, r)`"),
            .value("replications", \.replications, Codecs.integer(minimum: 1), "independent replications"),
            .required("duration", \.duration, Codecs.positiveDuration, example: "365d", "the **measured** horizon, after the warm-up"),
            .value("warmup", \.warmup, Codecs.duration, "simulated before measurement starts; a run lasts `warmup + duration`"),
            .section("metrics", \.metrics, MetricsConfiguration.keys),
            .section("economy", \.economy, EconomyConfiguration.keys, read: { (n, k, _) throws(ScenarioError) in try ScenarioDecoder.economy(n, k) }),
            .section("pricing", \.pricing, PricingConfiguration.keys, read: { (n, k, _) throws(ScenarioError) in try ScenarioDecoder.pricing(n, k) }),
            .custom(
                "providers", rows: ProviderConfiguration.keys.rows(prefix: "providers."),
                decode: { (root, reader) throws(ScenarioError) in
                    root.providers = try reader.requiredValue(
                        "providers", example: "{servers: 8, service_time: {default: {dist: exponential, mean: 1s}}}", ScenarioDecoder.providers)
                },
                emit: { root, depth, w in
                    w.section(depth, "providers")
                    ProviderConfiguration.keys.emit(root.providers, depth: depth + 1, into: &w)
                }),
            .custom(
                "users",
                rows: [KeyRow(key: "users", type: "list of user classes", defaultText: "required", doc: "see [users](#users)")],
                decode: { (root, reader) throws(ScenarioError) in
                    root.users = try reader.requiredValue(
                        "users", example: "[{name: researchers, arrival: {rate_per_s: 1}, ops: {matrix_multiplication: 1}, budget: \"100\"}]",
                        ScenarioDecoder.users)
                },
                emit: { root, depth, w in CanonicalYAML.users(root.users, depth: depth, &w) }),
            .optionalSection("validators", \.validators, ValidatorsConfiguration.keys) { (n, k, root, _) throws(ScenarioError) in
                try ScenarioDecoder.validators(n, k, root)
            },
            .optionalSection("oracle", \.oracle, OracleConfiguration.keys) { (n, k, root, reader) throws(ScenarioError) in
                if root.validators == nil {
                    throw ScenarioError(
                        at: reader.entries.first { $0.key == "oracle" }!.keyLocation, keyPath: "oracle",
                        "oracle needs a validators section (e.g. validators: {count: 5, stake: \"50000\"})")
                }
                return try OracleConfiguration.keys.decode(n, k, from: OracleConfiguration()).value
            },
            .optionalSection("autoscaling", \.autoscaling, AutoscalingConfiguration.keys) { (n, k, root, _) throws(ScenarioError) in
                try ScenarioDecoder.autoscaling(n, k, root)
            },
            .optionalSection("stakers", \.stakers, StakersConfiguration.keys) { (n, k, _, _) throws(ScenarioError) in
                try StakersConfiguration.keys.decode(n, k, from: StakersConfiguration.start).value
            },
            .optionalSection("governance", \.governance, GovernanceConfiguration.keys) { (n, k, root, _) throws(ScenarioError) in
                try ScenarioDecoder.governance(n, k, root)
            },
            .custom(
                "attacks",
                rows: [KeyRow(key: "attacks", type: "mapping", defaultText: "absent", doc: "see [attacks](#attacks)")],
                decode: { (root, reader) throws(ScenarioError) in
                    let context = root
                    root.attacks = try reader.optionalValue("attacks") { (n, k) throws(ScenarioError) in try ScenarioDecoder.attacks(n, k, context) }
                },
                emit: { root, depth, w in if let a = root.attacks { CanonicalYAML.attacks(a, &w) } }),
        ], documented: start)
    }
}

extension ScenarioKey {
    /// An optional section: absent (or null) leaves `nil` (the world runs without that mechanism);
    /// present, `read` decodes it (with the keys read so far, for its checks against them).
    static func optionalSection<V>(
        _ name: String, _ path: WritableKeyPath<Root, V?>, _ section: ScenarioSection<V>,
        read: @escaping (ScenarioNode, String, Root, MappingReader) throws(ScenarioError) -> V
    ) -> Self {
        ScenarioKey(
            name: name,
            decode: { (root, reader) throws(ScenarioError) in
                guard let node = reader.optional(name) else { return }
                root[keyPath: path] = try read(node, reader.child(name), root, reader)
            },
            emit: { root, depth, w in
                guard let value = root[keyPath: path] else { return }
                w.section(depth, name)
                section.emit(value, depth: depth + 1, into: &w)
            },
            rows: { _ in section.rows(prefix: name + ".") })
    }
}
