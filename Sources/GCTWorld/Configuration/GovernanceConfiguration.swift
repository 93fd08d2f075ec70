import GCTEconomics

/// Governance (`governance:` in a scenario): voting rules and the proposals submitted during
/// the run. Stakers (`stakers:`) vote; when the section is absent no proposal is submitted.
public struct GovernanceConfiguration: Hashable, Sendable {
    /// Fraction of total staked that must vote for a tally to count (departure D8).
    public var quorum: Rate
    /// A proposal passes when yes / (yes + no) is strictly greater than this.
    public var threshold: Rate
    /// The same for `emergency` proposals; default exactly 2/3.
    public var emergencyThreshold: Rate
    /// Probability that a staker votes on a proposal, in `[0, 1]`.
    public var turnout: Double
    /// The proposals, in file order.
    public var proposals: [ProposalConfiguration]

    public init(
        quorum: Rate = Rate(20, over: 100), threshold: Rate = Rate(1, over: 2), emergencyThreshold: Rate = Rate(2, over: 3),
        turnout: Double = 0.6, proposals: [ProposalConfiguration] = []
    ) {
        self.quorum = quorum
        self.threshold = threshold
        self.emergencyThreshold = emergencyThreshold
        self.turnout = turnout
        self.proposals = proposals
    }
}

/// One proposal submitted during the run (`governance.proposals:`).
public struct ProposalConfiguration: Hashable, Sendable {
    public var title: String
    /// Submission time, from the start of the run (warm-up included).
    public var at: ScenarioDuration
    public var kind: GovernanceProposal.Kind
    /// The parameters it sets when executed, typed (parsed once by the scenario decoder), in
    /// `ParameterKey` order, at most one per key.
    public var parameters: [ParameterChange]
    /// Voting period: a whole number of days (> 0).
    public var votingPeriod: ScenarioDuration
    /// Delay between a passed tally and execution: a whole number of days.
    public var executionDelay: ScenarioDuration
    /// Probability that a voting staker votes yes, in `[0, 1]`.
    public var support: Double
    /// The proposer's stake. Below `economy.governance_minimum_stake` the spec rejects the
    /// proposal; that is legal input (the world reports the rejection).
    public var proposerStake: TokenAmount

    public init(
        title: String, at: ScenarioDuration, kind: GovernanceProposal.Kind = .parameterChange,
        parameters: [ParameterChange] = [], votingPeriod: ScenarioDuration = .days(7),
        executionDelay: ScenarioDuration = .days(2), support: Double = 0.7,
        proposerStake: TokenAmount = TokenAmount(gct: 50_000)
    ) {
        self.title = title
        self.at = at
        self.kind = kind
        self.parameters = parameters
        self.votingPeriod = votingPeriod
        self.executionDelay = executionDelay
        self.support = support
        self.proposerStake = proposerStake
    }

    /// `votingPeriod` in whole days (the decoder only accepts whole days).
    public var votingPeriodDays: Int { Int(votingPeriod.nanoseconds / ScenarioDuration.days(1).nanoseconds) }
    /// `executionDelay` in whole days.
    public var executionDelayDays: Int { Int(executionDelay.nanoseconds / ScenarioDuration.days(1).nanoseconds) }

    /// The spec's proposal value (description empty).
    public var proposal: GovernanceProposal {
        GovernanceProposal(
            title: title, kind: kind, parameters: parameters, votingPeriodDays: votingPeriodDays,
            executionDelayDays: executionDelayDays)
    }
}
