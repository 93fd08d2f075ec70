import Testing
import _GCTTestSupport
@testable import GCTEconomics

@Suite("Governance: proposals, stake-weighted votes, delayed execution")
struct GovernanceTests {
    let params = EconomicParameters.specDefaults
    let burnProposal = GovernanceProposal(
        title: "Raise burn to 1 %", kind: .parameterChange, parameters: [.burnRate(Rate(1, over: 100))],
        votingPeriodDays: 7, executionDelayDays: 2)

    @Test("a 49 999 GCT staker is refused with the spec's error; a 50 000 GCT staker is accepted, then executed after the delay")
    func specExample() throws {
        var gov = GovernanceSystem()
        var p = params
        let proposer = AccountID(rawValue: 1)
        #expect(throws: GovernanceError.insufficientStake(required: gct("50000"), staked: gct("49999"))) {
            try gov.submit(burnProposal, by: proposer, proposerStake: gct("49999"), at: .zero, parameters: p)
        }
        #expect(GovernanceError.insufficientStake(required: gct("50000"), staked: gct("49999")).description
                .hasPrefix("Insufficient stake for governance proposal (required: 50000 GCT"))
        let id = try gov.submit(burnProposal, by: proposer, proposerStake: gct("50000"), at: .zero, parameters: p)
        try gov.vote(id, voter: proposer, stake: gct("50000"), choice: .yes, at: .zero + .days(1))
        try gov.vote(id, voter: AccountID(rawValue: 2), stake: gct("30000"), choice: .no, at: .zero + .days(2))
        #expect(throws: GovernanceError.alreadyVoted(id, proposer)) {
            try gov.vote(id, voter: proposer, stake: gct("50000"), choice: .yes, at: .zero + .days(3))
        }
        #expect(throws: GovernanceError.votingStillOpen(id, until: .zero + .days(7))) {
            try gov.tally(id, at: .zero + .days(6), totalStaked: gct("100000"), parameters: p)
        }
        // turnout 80 000 ≥ 20 % of 100 000; yes share 50/80 = 0.625 > 0.5 → passed
        #expect(try gov.tally(id, at: .zero + .days(7), totalStaked: gct("100000"), parameters: p) == .passed)
        #expect(throws: GovernanceError.executionDelayNotElapsed(id, until: .zero + .days(9))) {
            try gov.execute(id, at: .zero + .days(8), parameters: &p)
        }
        #expect(p.burnRate == Rate(5, over: 1000))
        try gov.execute(id, at: .zero + .days(9), parameters: &p)
        #expect(p.burnRate == Rate(1, over: 100))
        #expect(gov.parameterHistory == [ParameterChangeRecord(time: .zero + .days(9), proposal: id, key: .burnRate, oldValue: "0.005", newValue: "0.01")])
        #expect(try gov.record(id).status == .executed)
    }

    @Test("no quorum, rejected by vote, emergency threshold, exact 50 % fails")
    func outcomes() throws {
        var gov = GovernanceSystem()
        let end = Timestamp.zero + .days(7)
        let a = try gov.submit(burnProposal, by: AccountID(rawValue: 1), proposerStake: gct("50000"), at: .zero, parameters: params)
        try gov.vote(a, voter: AccountID(rawValue: 1), stake: gct("19999"), choice: .yes, at: .zero)
        #expect(try gov.tally(a, at: end, totalStaked: gct("100000"), parameters: params) == .rejectedNoQuorum)
        let b = try gov.submit(burnProposal, by: AccountID(rawValue: 1), proposerStake: gct("50000"), at: .zero, parameters: params)
        try gov.vote(b, voter: AccountID(rawValue: 1), stake: gct("50000"), choice: .yes, at: .zero)
        try gov.vote(b, voter: AccountID(rawValue: 2), stake: gct("50000"), choice: .no, at: .zero)
        #expect(try gov.tally(b, at: end, totalStaked: gct("100000"), parameters: params) == .rejectedByVote)
        var p = params
        #expect(throws: GovernanceError.notPassed(b, .rejectedByVote)) { try gov.execute(b, at: end + .days(10), parameters: &p) }
        #expect(p == params)
        var emergency = burnProposal
        emergency.kind = .emergency
        let c = try gov.submit(emergency, by: AccountID(rawValue: 1), proposerStake: gct("50000"), at: .zero, parameters: params)
        try gov.vote(c, voter: AccountID(rawValue: 1), stake: gct("66"), choice: .yes, at: .zero)
        try gov.vote(c, voter: AccountID(rawValue: 2), stake: gct("34"), choice: .no, at: .zero)
        // 0.66 is not above 2/3
        #expect(try gov.tally(c, at: end, totalStaked: gct("100"), parameters: params) == .rejectedByVote)
    }

    @Test("invalid proposals are refused before voting")
    func invalid() {
        var gov = GovernanceSystem()
        var bad = burnProposal
        bad.parameters = [.burnRate(Rate(3, over: 2))]
        #expect(throws: GovernanceError.parameter(.invalidValue(key: .burnRate, value: "1.5", reason: "must be at most 1"))) {
            try gov.submit(bad, by: AccountID(rawValue: 1), proposerStake: gct("50000"), at: .zero, parameters: params)
        }
        bad.parameters = []
        #expect(throws: GovernanceError.invalidProposal("a parameter_change proposal must change at least one parameter")) {
            try gov.submit(bad, by: AccountID(rawValue: 1), proposerStake: gct("50000"), at: .zero, parameters: params)
        }
        #expect(gov.proposals.isEmpty)
    }

    @Test("parameters round-trip through their string values", arguments: ParameterKey.allCases)
    func parameterRoundTrip(key: ParameterKey) throws {
        var p = EconomicParameters.specDefaults
        let v = p.value(of: key)
        try p.set(key, to: v)
        #expect(p == EconomicParameters.specDefaults)
        // The typed change is the same value: applying the current one changes nothing.
        try p.apply(p.current(key))
        #expect(p == EconomicParameters.specDefaults && p.current(key).key == key && p.current(key).valueText == v)
    }

    @Test("a typed change is range-checked like the text it came from")
    func typedChangeRange() throws {
        var p = EconomicParameters.specDefaults
        #expect(throws: ParameterError.invalidValue(key: .burnRate, value: "1.5", reason: "must be at most 1")) {
            try p.apply(.burnRate(Rate(3, over: 2)))
        }
        #expect(throws: ParameterError.invalidValue(key: .stakingMinimum, value: "0", reason: "must be positive")) {
            try p.apply(.stakingMinimum(.zero))
        }
        try p.apply(.burnRate(Rate(1, over: 200)))
        #expect(p.burnRate == Rate(5, over: 1000) && p.value(of: .burnRate) == "0.005")
        #expect(try ParameterChange(.slashDestination, parsing: "treasury") == .slashDestination(.treasury))
    }
}
