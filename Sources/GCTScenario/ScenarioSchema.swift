import GCTWorld

/// The keys of the parts still read by hand (user classes, proposals, attacks, distributions).
/// Every other section declares its keys once, with their types, defaults and docs
/// (`ScenarioSection`, in Keys/); unknown keys are errors that list these and suggest the closest one.
enum ScenarioSchema {
    static let serviceTimeKeys = ["default"] + ScenarioOperation.yamlNames + ["calibration", "noise"]
    static let userKeys = ["name", "count", "arrival", "ops", "resources", "budget", "top_up", "max_price", "payment", "region"]
    static let arrivalKeys = ["process", "rate_per_s", "daily_profile"]
    static let resourceKeys = ["memory_gb", "compute_units", "minutes"]
    static let topUpKeys = ["amount", "when_below"]
    static let proposalKeys = [
        "title", "at", "kind", "parameters", "voting_period", "execution_delay", "support", "proposer_stake",
    ]
    static let attackKeys = ["oracle_manipulation", "whales", "sybil", "outage", "wash_trading", "governance_capture"]
    static let sybilKeys = ["start", "end", "validators", "stake", "bias"]
    static let outageKeys = ["start", "end", "offline_share", "weight_share", "bias"]
    static let washTradingKeys = ["start", "end", "mode", "rate_per_s", "user_class", "amount", "provider_share"]
    static let governanceCaptureKeys = [
        "at", "stake", "parameters", "voting_period", "execution_delay", "honest_support", "provider_share",
    ]
    static let oracleManipulationKeys = ["start", "end", "validators", "weight_share", "bias", "step"]
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
