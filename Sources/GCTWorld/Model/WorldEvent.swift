import GCTEconomics
import GCTEngine

/// Everything that can happen in the world, as a small value (no allocation per event).
public enum WorldEvent: Sendable {
    /// A request of user class `userClass` arrives (a candidate, when the class has a daily profile).
    case arrival(userClass: Int32)
    /// The execution in request slot `slot` ends (success or failure).
    case completion(slot: Int32)
    /// Take a metrics sample (every `metrics.interval`).
    case sample
    /// The warm-up ends: measurement statistics restart.
    case warmupEnd
    /// A reward epoch: emissions are minted and staking rewards paid.
    case rewardEpoch
    /// An oracle round: validators report, the consensus code aggregates.
    case oracleRound
    /// The auto-scaling controller evaluates the spec's rule.
    case autoscale
    /// Provisioned capacity arrives (after the provisioning delay).
    case capacityArrives(servers: Int32)
    /// A staker reviews its position.
    case stakerReview(staker: Int32)
    /// A governance step of a scheduled proposal.
    case governance(proposal: Int32, step: GovernanceStep)
    /// A whale request of attack `attack` (index into the whale attacks).
    case whaleRequest(attack: Int32)
    /// A wash trade of attack `attack` (index into the wash-trading attacks).
    case washTrade(attack: Int32)

    public enum GovernanceStep: UInt8, Sendable {
        case submit, vote, tally, execute
    }
}
