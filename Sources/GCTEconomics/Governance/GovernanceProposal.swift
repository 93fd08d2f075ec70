/// PRD-010 `GovernanceProposal`.
public struct GovernanceProposal: Hashable, Sendable {
    /// PRD-010 `proposal_type::Symbol  # :parameter_change, :upgrade, :emergency`.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        case parameterChange = "parameter_change"
        case upgrade
        case emergency
    }

    public var title: String
    public var description: String
    public var kind: Kind
    /// Parameter changes applied (in key order) when a `parameter_change` (or `emergency`)
    /// proposal executes; at most one per key.
    public var parameters: [ParameterChange]
    public var votingPeriodDays: Int
    public var executionDelayDays: Int

    public init(title: String, description: String = "", kind: Kind, parameters: [ParameterChange] = [],
                votingPeriodDays: Int, executionDelayDays: Int) {
        self.title = title
        self.description = description
        self.kind = kind
        self.parameters = parameters
        self.votingPeriodDays = votingPeriodDays
        self.executionDelayDays = executionDelayDays
    }
}

/// The index of a proposal in a `GovernanceSystem`.
@frozen
public struct ProposalID: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    public let rawValue: Int32
    @inlinable public init(rawValue: Int32) { self.rawValue = rawValue }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A vote's choice.
public enum VoteChoice: String, Sendable, Hashable, CaseIterable, Codable {
    case yes, no, abstain
}

/// A proposal's state through its life.
public struct ProposalRecord: Hashable, Sendable {
    public enum Status: String, Sendable, Hashable, Codable {
        case voting
        /// Passed; executes at `executesAt`.
        case passed
        case rejectedNoQuorum = "rejected_no_quorum"
        case rejectedByVote = "rejected_by_vote"
        case executed
    }

    public var proposal: GovernanceProposal
    public var proposer: AccountID
    public var submittedAt: Timestamp
    public var votingEndsAt: Timestamp
    public var executesAt: Timestamp
    public var status: Status
    public var yes: TokenAmount = .zero
    public var no: TokenAmount = .zero
    public var abstain: TokenAmount = .zero
    /// Voters so far, for one-vote-per-account (PRD-010 `voting_records`).
    public var voters: Set<AccountID> = []
}

/// PRD-010 `ParameterChange`: one applied change, kept in the parameter history.
public struct ParameterChangeRecord: Hashable, Sendable {
    public var time: Timestamp
    public var proposal: ProposalID
    public var key: ParameterKey
    public var oldValue: String
    public var newValue: String
}
