import GCTWorld

/// The keys each section of a scenario accepts, in documentation order (see docs/scenarios.md).
///
/// Unknown keys are errors that list these and suggest the closest one.
enum ScenarioSchema {
    static let topLevelKeys = [
        "name", "description", "extends", "vars", "seed", "replications", "duration", "warmup", "metrics",
        "economy", "pricing", "providers", "users", "validators", "oracle", "autoscaling", "stakers", "governance",
        "attacks",
    ]
    /// Sections planned for later versions; rejected with "not yet supported".
    static let reservedTopLevelKeys: [String] = []
    static let metricsKeys = ["interval", "sample_events"]
    static let economyKeys = [
        "burn_rate", "distribution", "initial_supply", "cap", "staking", "emission", "slashing",
        "governance_minimum_stake", "treasury",
    ]
    static let slashingKeys = ["oracle_outlier", "unavailability", "proven_manipulation", "destination"]
    static let distributionSharesKeys = ["provider", "validators", "fee_pool"]
    static let stakingKeys = ["min_stake", "epoch", "funding", "cooldown"]
    static let emissionKeys = ["mining", "validator"]
    static let pricingKeys = ["mode", "market_multiplier", "queue_priority", "fixed_price"]
    static let providerKeys = ["servers", "count", "failure_probability", "service_time", "speed"]
    static let serviceTimeKeys = ["default"] + ScenarioOperation.yamlNames
    static let userKeys = ["name", "count", "arrival", "ops", "resources", "budget", "top_up", "max_price", "payment"]
    static let arrivalKeys = ["process", "rate_per_s", "daily_profile"]
    static let resourceKeys = ["memory_gb", "compute_units", "minutes"]
    static let topUpKeys = ["amount", "when_below"]
    static let validatorKeys = [
        "count", "stake", "reputation", "regions", "hardware", "noise", "unavailability", "response_time",
    ]
    static let hardwareKeys = ["gpu_count", "memory_gb", "compute_capability"]
    static let responseTimeKeys = ["mean", "deadline"]
    static let oracleKeys = [
        "period", "outlier_max_deviation", "slash_outliers", "slash_unavailable", "detector", "regional_pricing",
        "time_of_day_pricing", "utc_offset_hours",
    ]
    static let autoscalingKeys = ["enabled", "period", "provisioning_delay", "min_servers", "max_servers", "velocity_window"]
    static let stakerKeys = ["count", "balance", "initial_stake_fraction", "outside_yield", "review_period", "inertia"]
    static let governanceKeys = ["quorum", "threshold", "emergency_threshold", "turnout", "proposals"]
    static let proposalKeys = [
        "title", "at", "kind", "parameters", "voting_period", "execution_delay", "support", "proposer_stake",
    ]
    static let attackKeys = ["oracle_manipulation", "whales"]
    static let oracleManipulationKeys = ["start", "end", "validators", "bias"]
    static let whaleKeys = ["at", "user_class", "payment", "requests", "spacing"]
    static let distributionKindKey = "dist"

    /// The parameters of each distribution kind, in order.
    static func distributionParameters(_ kind: String) -> [String] {
        switch kind {
        case "constant": ["value"]
        case "uniform": ["min", "max"]
        case "exponential": ["mean"]
        case "normal": ["mean", "sd"]
        case "lognormal": ["mean", "cv"]
        case "pareto": ["scale", "shape"]
        case "empirical": ["values", "weights"]
        default: []
        }
    }

    /// Parameters that are times (written with a unit) when the distribution is of a time.
    static let timeParameters: Set<String> = ["value", "min", "max", "mean", "sd", "scale", "values"]
}
