import GCTEconomics
import GCTWorld

// The keys of `providers:`, `validators:`, `oracle:`, `autoscaling:`, `stakers:` and `governance:`,
// each declared once. Defaults are the configurations' own (their initialisers).

extension ProviderConfiguration {
    /// The starting value of decoding; `servers` and `service_time` are required, so never shown.
    static var start: ProviderConfiguration { ProviderConfiguration(servers: 1, serviceTime: ServiceTimeConfiguration(default: .constant(value: 1))) }

    static var keys: ScenarioSection<ProviderConfiguration> {
        ScenarioSection(keys: [
            .custom(
                "servers",
                rows: [KeyRow(key: "servers", type: "whole number ≥ 1", defaultText: "required (with `groups`: their sum)", doc: "servers in the pool at time 0 (c in M/M/c)")],
                decode: { (root, reader) throws(ScenarioError) in
                    if let node = reader.optional("groups") { root.groups = try ScenarioDecoder.providerGroups(node, reader.child("groups")) }
                    let sum = root.groups.reduce(0) { $0 + $1.servers }
                    if root.groups.isEmpty {
                        root.servers = try reader.requiredValue("servers", example: "8", Codecs.integer(minimum: 1).decode)
                    } else if let node = reader.optional("servers") {
                        root.servers = try Codecs.integer(minimum: 1).decode(node, reader.child("servers"))
                        guard root.servers == sum else {
                            throw ScenarioError(
                                at: node.location, keyPath: reader.child("servers"),
                                "\(reader.child("servers")) (\(root.servers)) must equal the sum of the groups' servers (\(sum)), or be left out")
                        }
                    } else {
                        root.servers = sum
                    }
                },
                emit: { root, depth, w in w.line(depth, "servers", String(root.servers)) }),
            .value(
                "count", \.count, Codecs.integer(minimum: 1),
                "provider accounts; server `i` belongs to provider `i mod count` (round-robin, servers added by auto-scaling included)",
                defaultText: "`servers`", absent: { $0.count = $0.servers }),
            .value("failure_probability", \.failureProbability, Codecs.number("in [0, 1)") { $0 >= 0 && $0 < 1 }, "probability that an execution fails"),
            .custom(
                "service_time",
                rows: [
                    KeyRow(key: "service_time", type: "distribution of times, or `default` plus per-op distributions", defaultText: "required", doc: "time to serve one execution"),
                    KeyRow(key: "service_time.calibration", type: "path of a calibration profile (relative to this file)", defaultText: "—", doc: "the operations the profile calibrates take their service time from the request's resources (docs/world-model.md, \"Calibrated service times\"); the others keep their distribution"),
                    KeyRow(key: "service_time.noise", type: "number in [0, 10]", defaultText: "`0`", doc: "coefficient of variation of a lognormal factor (mean 1) around a calibrated mean service time"),
                ],
                decode: { (root, reader) throws(ScenarioError) in
                    root.serviceTime = try reader.requiredValue(
                        "service_time", example: "{default: {dist: exponential, mean: 1s}}", ScenarioDecoder.serviceTime)
                },
                emit: { root, depth, w in
                    w.section(depth, "service_time")
                    w.line(depth + 1, "default", CanonicalYAML.distribution(root.serviceTime.default, time: true))
                    for op in ScenarioOperation.allCases {
                        if let d = root.serviceTime.perOperation[op] { w.line(depth + 1, op.rawValue, CanonicalYAML.distribution(d, time: true)) }
                    }
                    if let c = root.serviceTime.calibration { CanonicalYAML.calibration(c, depth: depth + 1, &w) }
                    if root.serviceTime.noise != 0 { w.line(depth + 1, "noise", CanonicalYAML.number(root.serviceTime.noise)) }
                }),
            .value("speed", \.speed, Codecs.number("> 0") { $0 > 0 }, "a server of speed 2 serves in half the sampled time"),
            .custom(
                "groups",
                rows: [KeyRow(
                    key: "groups", type: "list of `{servers: N, calibration: PATH}`", defaultText: "—",
                    doc: "server groups of different hardware, each timed by its own calibration profile (absent: `service_time`'s); `servers` is then their sum, and server `i` (auto-scaled ones too) belongs to the group of `i mod servers`")],
                // Read with `servers` (which it sets), so the keys keep their documented order.
                decode: { _, _ in },
                emit: { root, depth, w in
                    guard !root.groups.isEmpty else { return }
                    w.section(depth, "groups")
                    for g in root.groups {
                        w.item(depth + 1, "servers", String(g.servers))
                        if let c = g.calibration { CanonicalYAML.calibration(c, depth: depth + 2, &w) }
                    }
                }),
        ], documented: start)
    }
}

extension ValidatorsConfiguration {
    static var start: ValidatorsConfiguration { ValidatorsConfiguration(count: 3, stake: .constant(value: 0)) }

    static var keys: ScenarioSection<ValidatorsConfiguration> {
        ScenarioSection(keys: [
            .required("count", \.count, Codecs.integer(minimum: 3), example: "50", "validators (at least 3, so a weighted median has a majority)"),
            .required(
                "stake", \.stake, Codecs.distribution, example: "{dist: uniform, min: 10000, max: 200000}",
                "initial stake of each validator in GCT; every value it can take is at least `economy.staking.min_stake`"),
            .value("reputation", \.reputation, Codecs.number("in [0, 1]") { $0 >= 0 && $0 <= 1 }, "initial reputation of every validator"),
            .custom(
                "regions",
                rows: [KeyRow(key: "regions", type: "mapping region → weight ≥ 0, one > 0", defaultText: "`{global: 1}`", doc: "validators' regions and relative weights")],
                decode: { (root, reader) throws(ScenarioError) in
                    if let node = reader.optional("regions") { root.regions = try ScenarioDecoder.regions(node, reader.child("regions")) }
                },
                emit: { root, depth, w in
                    w.section(depth, "regions")
                    for r in root.regions { w.line(depth + 1, CanonicalYAML.quoted(r.name), CanonicalYAML.number(r.weight)) }
                }),
            .section("hardware", \.hardware, HardwareConfiguration.keys),
            .value("noise", \.noise, Codecs.number(">= 0") { $0 >= 0 }, "relative standard deviation of an honest report"),
            .value("unavailability", \.unavailability, Codecs.number("in [0, 1)") { $0 >= 0 && $0 < 1 }, "probability that a validator misses a round"),
            .section("response_time", \.responseTime, ResponseTimeConfiguration.keys),
        ], documented: start)
    }
}

extension HardwareConfiguration {
    static var keys: ScenarioSection<HardwareConfiguration> {
        ScenarioSection(keys: [
            .value("gpu_count", \.gpuCount, Codecs.integer(minimum: 1), "GPUs per validator (not read by the world: a warning when set)"),
            .value("memory_gb", \.memoryGB, Codecs.number("> 0") { $0 > 0 }, "memory per GPU in GB"),
            .value("compute_capability", \.computeCapability, Codecs.number("> 0") { $0 > 0 }, "CUDA-style compute capability"),
        ], documented: HardwareConfiguration())
    }
}

extension ResponseTimeConfiguration {
    static var keys: ScenarioSection<ResponseTimeConfiguration> {
        ScenarioSection(keys: [
            .value("mean", \.mean, Codecs.positiveDuration, "mean response time"),
            .value("deadline", \.deadline, Codecs.positiveDuration, "a report arriving later counts as missing"),
        ], documented: ResponseTimeConfiguration())
    }
}

extension OracleConfiguration {
    static var keys: ScenarioSection<OracleConfiguration> {
        ScenarioSection(keys: [
            .value("period", \.period, Codecs.positiveDuration, "time between rounds"),
            .value("outlier_max_deviation", \.outlierMaxDeviation, Codecs.rate(maximum: Rate(1000, over: 1)), "a report deviating from consensus by more than this fraction is an outlier (departure P7)"),
            .value("slash_outliers", \.slashOutliers, Codecs.boolean, "slash outliers (`economy.slashing.oracle_outlier`)"),
            .value("slash_unavailable", \.slashUnavailable, Codecs.boolean, "slash validators that miss a round (`economy.slashing.unavailability`)"),
            .value("detector", \.detector, Codecs.boolean, "run `detect_price_manipulation` on each consensus price"),
            .value("regional_pricing", \.regionalPricing, Codecs.boolean, "validators report per region; a request of a class with a `region` pays its region's multiplier (departure P12)"),
            .value("time_of_day_pricing", \.timeOfDayPricing, Codecs.boolean, "time-of-day pricing (departure P12)"),
            .value("utc_offset_hours", \.utcOffsetHours, Codecs.number("a whole number in [-12, 14]") { $0 >= -12 && $0 <= 14 && $0 == $0.rounded() }, "UTC offset of the local clock of time-of-day pricing, whole hours (the library's `TimeOfDayPricing` takes whole hours; 5.5 is refused, not rounded)"),
            .optional("congestion_from", \.congestionFrom, Codecs.choice(CongestionSource.self), "which consensus fields set the congestion factor users pay (`ratio` when absent; docs/world-model.md)"),
            .optional("min_reports", \.minReports, Codecs.governable(Codecs.integer(minimum: 1)) { .oracleMinimumReports($0) }, "fewest validator reports for a consensus; a round with fewer is short (`aggregate_with_consensus`: 3 when absent; governable as `oracle_min_reports`)"),
            .optional("investigate_alarms", \.investigateAlarms, Codecs.boolean, "investigate each detector alarm and slash the reports beyond its threshold (`economy.slashing.proven_manipulation`; off when absent; docs/attacks.md)"),
        ], documented: OracleConfiguration())
    }
}

extension AutoscalingConfiguration {
    /// The starting value of decoding: `max_servers` defaults to 4 × `providers.servers`.
    static func start(servers: Int) -> AutoscalingConfiguration { AutoscalingConfiguration(maxServers: 4 * servers) }

    static var keys: ScenarioSection<AutoscalingConfiguration> {
        ScenarioSection(keys: [
            .value("enabled", \.enabled, Codecs.boolean, "whether scaling runs"),
            .value("period", \.period, Codecs.positiveDuration, "time between scaling decisions"),
            .value("provisioning_delay", \.provisioningDelay, Codecs.duration, "delay between deciding to add a server and the server taking work"),
            .value("min_servers", \.minServers, Codecs.integer(minimum: 1), "fewest servers; at most `providers.servers`"),
            .value("max_servers", \.maxServers, Codecs.integer(minimum: 1), "most servers; at least `providers.servers`", defaultText: "4 × `providers.servers`"),
            .value("velocity_window", \.velocityWindow, Codecs.positiveDuration, "trailing window of the token velocity"),
            .value("velocity", \.velocity, Codecs.choice(VelocityDefinition.self), "`relative`: the last period's token volume over the window's mean volume per period; `annualized`: window volume / mean circulating supply × 365 d / window (departure P5)"),
        ], documented: start(servers: 1))
    }
}

extension StakersConfiguration {
    static var start: StakersConfiguration { StakersConfiguration(count: 1, balance: .zero) }

    static var keys: ScenarioSection<StakersConfiguration> {
        ScenarioSection(keys: [
            .required("count", \.count, Codecs.integer(minimum: 1), example: "1000", "stakers"),
            .required("balance", \.balance, Codecs.amount, example: "\"50_000\"", "starting balance of each staker"),
            .value("initial_stake_fraction", \.initialStakeFraction, Codecs.number("in [0, 1]") { $0 >= 0 && $0 <= 1 }, "fraction of the balance staked at time 0 (whole GCT, rounded down; below `min_stake`: not staked)"),
            .value("outside_yield", \.outsideYield, Codecs.rate, "the yield a staker could get elsewhere, compared with the staking APY"),
            .value("review_period", \.reviewPeriod, Codecs.positiveDuration, "time between a staker's reviews of its position"),
            .value("inertia", \.inertia, Codecs.number("in [0, 1]") { $0 >= 0 && $0 <= 1 }, "probability that a staker does nothing at a review"),
        ], documented: start)
    }
}

extension GovernanceConfiguration {
    /// `proposals` is read by hand (`ScenarioDecoder.proposal`): each is checked against the run.
    static func keys(proposals: @escaping (ScenarioNode, String) throws(ScenarioError) -> [ProposalConfiguration]) -> ScenarioSection<GovernanceConfiguration> {
        ScenarioSection(keys: [
            .value("quorum", \.quorum, Codecs.rate, "share of the staked supply that must vote"),
            .value("threshold", \.threshold, Codecs.rate, "share of the votes cast in favour that passes a proposal"),
            .value("emergency_threshold", \.emergencyThreshold, Codecs.rate, "the same for an emergency proposal"),
            .value("turnout", \.turnout, Codecs.number("in [0, 1]") { $0 >= 0 && $0 <= 1 }, "share of stakers that vote"),
            .custom(
                "proposals",
                rows: [KeyRow(key: "proposals", type: "list of proposals", defaultText: "`[]`", doc: "see [governance](#governance)")],
                decode: { (root, reader) throws(ScenarioError) in
                    if let node = reader.optional("proposals") { root.proposals = try proposals(node, reader.child("proposals")) }
                },
                emit: { root, depth, w in CanonicalYAML.proposals(root.proposals, depth: depth, &w) }),
        ], documented: GovernanceConfiguration())
    }

    static var keys: ScenarioSection<GovernanceConfiguration> { keys { _, _ in [] } }
}
