import GCTEconomics
import GCTEngine

/// Receives the per-event records and metric samples of a running world, so they can be
/// streamed (HDF5) or dropped without the world holding them in memory.
///
/// The world holds its observer as an existential (`any WorldObserver`): each record costs one
/// dynamic call, and the world stays a concrete type the engine specializes for.
/// Every method has an empty default.
public protocol WorldObserver: AnyObject {
    /// Whether the observer wants every ledger entry (transfers); off by default because a
    /// year has tens of millions.
    var wantsLedgerEntries: Bool { get }
    func execution(_ record: ExecutionRow)
    func ledgerEntry(_ entry: LedgerEntry, at time: SimTime)
    func sample(_ sample: MetricSample)
    func oracleRound(_ row: OracleRoundRow)
    func alarm(_ row: AlarmRow)
    func scaling(_ row: ScalingRow)
    func governance(_ row: GovernanceRow)
}

extension WorldObserver {
    public var wantsLedgerEntries: Bool { false }
    public func execution(_ record: ExecutionRow) {}
    public func ledgerEntry(_ entry: LedgerEntry, at time: SimTime) {}
    public func sample(_ sample: MetricSample) {}
    public func oracleRound(_ row: OracleRoundRow) {}
    public func alarm(_ row: AlarmRow) {}
    public func scaling(_ row: ScalingRow) {}
    public func governance(_ row: GovernanceRow) {}
}

/// An observer that keeps nothing.
public final class NullObserver: WorldObserver {
    public init() {}
}

/// What happened to one request.
public struct ExecutionRow: Hashable, Sendable {
    public enum Outcome: UInt8, Sendable, CaseIterable {
        case completed, failed, balked, insufficientTokens
        public var name: String {
            switch self {
            case .completed: "completed"
            case .failed: "failed"
            case .balked: "balked"
            case .insufficientTokens: "insufficient_tokens"
            }
        }
    }
    /// When the request arrived.
    public var arrival: SimTime
    public var userClass: Int32
    public var user: Int32
    /// Index in `ComputeOperation.known`.
    public var operation: UInt8
    public var outcome: Outcome
    /// Tokens held for the request (charged on completion, refunded on failure); the quote for balked ones.
    public var cost: TokenAmount
    public var burned: TokenAmount
    /// Queueing delay (start − arrival); zero for requests that never started.
    public var wait: SimDuration
    /// Service time; zero for requests that never started.
    public var service: SimDuration
    public var provider: Int32
}

/// One oracle round's result.
public struct OracleRoundRow: Hashable, Sendable {
    public var time: SimTime
    public var reports: Int32
    public var unavailable: Int32
    public var outliers: Int32
    /// Consensus GPU-hour price (GCT, approximate for plots).
    public var consensusPrice: Double
    /// Consensus supply/demand ratio.
    public var supplyDemandRatio: Double
    public var multiplier: Double
    public var confidence: Double
}

/// A manipulation alarm of the detector.
public struct AlarmRow: Hashable, Sendable {
    public var time: SimTime
    public var zScore: Double
    public var anomalyConsensus: Double
    public var price: Double
}

/// A decision of the auto-scaling controller.
public struct ScalingRow: Hashable, Sendable {
    public enum Action: UInt8, Sendable, CaseIterable {
        case maintain, scaleUp, scaleDown, arrived
        public var name: String {
            switch self {
            case .maintain: "maintain"
            case .scaleUp: "scale_up"
            case .scaleDown: "scale_down"
            case .arrived: "capacity_arrived"
            }
        }
    }
    public var time: SimTime
    public var action: Action
    public var factor: Double
    public var velocity: Double
    public var demand: Double
    public var capacityBefore: Int32
    public var capacityAfter: Int32
}

/// A governance event.
public struct GovernanceRow: Hashable, Sendable {
    public enum Kind: UInt8, Sendable, CaseIterable {
        case submitted, rejectedAtSubmission, passed, rejectedNoQuorum, rejectedByVote, executed
        public var name: String {
            switch self {
            case .submitted: "submitted"
            case .rejectedAtSubmission: "rejected_at_submission"
            case .passed: "passed"
            case .rejectedNoQuorum: "rejected_no_quorum"
            case .rejectedByVote: "rejected_by_vote"
            case .executed: "executed"
            }
        }
    }
    public var time: SimTime
    public var proposal: Int32
    public var kind: Kind
    public var yes: TokenAmount
    public var no: TokenAmount
    public var abstain: TokenAmount
}
