import Foundation
import GCTEconomics
import GCTWorld
import Testing
import _GCTTestSupport

@testable import GCTScenario

/// `minimalScenario` with `sections` appended after its last line (line 10), so the first
/// appended line is line 11.
func withSections(_ sections: String) -> String {
    precondition(minimalScenario.hasSuffix("    budget: \"10\"\n"))
    return minimalScenario + sections
}

@Suite("Scenario full-economy sections: validators, oracle, autoscaling, stakers, governance, attacks")
struct ScenarioSectionsTests {
    @Test("Absent sections are nil: the world runs without those mechanisms")
    func absent() throws {
        let c = try ScenarioLoader.load(yaml: minimalScenario).configuration
        #expect(c.validators == nil && c.oracle == nil && c.autoscaling == nil)
        #expect(c.stakers == nil && c.governance == nil && c.attacks == nil)
        // Additions to existing sections take their defaults.
        #expect(c.economy.slashing == SlashingConfiguration(
            oracleOutlier: Rate(1, over: 100), unavailability: Rate(5, over: 1000), provenManipulation: Rate(1, over: 10),
            destination: .burn))
        #expect(c.economy.slashing.fractions == EconomicParameters.specDefaults.slashFractions)
        #expect(c.economy.governanceMinimumStake == EconomicParameters.specDefaults.governanceMinimumStake)
        #expect(c.economy.treasury == .zero)
        #expect(c.providers.count == c.providers.servers)
        #expect(c.metrics.sampleEvents)
    }

    @Test("Each section with only its required keys takes the documented defaults")
    func defaults() throws {
        let yaml = withSections(
            """
            validators: {count: 3, stake: "10_000"}
            oracle: {}
            autoscaling: {}
            stakers: {count: 4, balance: "100"}
            governance: {proposals: [{title: p, at: 10m, parameters: {burn_rate: "1%"}}]}
            attacks: {}

            """)
        let c = try ScenarioLoader.load(yaml: yaml).configuration
        let v = try #require(c.validators)
        #expect(v.count == 3 && v.stake == .constant(value: 10_000))
        #expect(v.reputation == 0.8 && v.noise == 0.02 && v.unavailability == 0.01)
        #expect(v.regions == [RegionWeight(name: "global", weight: 1)])
        #expect(v.hardware == HardwareConfiguration(gpuCount: 8, memoryGB: 80, computeCapability: 9.0))
        #expect(v.responseTime.mean == .milliseconds(200) && v.responseTime.deadline == .seconds(2))
        #expect(c.oracle == OracleConfiguration(
            period: .minutes(5), outlierMaxDeviation: Rate(1, over: 4), slashOutliers: false, slashUnavailable: false,
            detector: true, regionalPricing: false, timeOfDayPricing: false, utcOffsetHours: 0))
        // max_servers defaults to 4 × providers.servers = 4 × 2.
        #expect(c.autoscaling == AutoscalingConfiguration(
            enabled: true, period: .hours(1), provisioningDelay: .minutes(10), minServers: 1, maxServers: 8,
            velocityWindow: .days(30)))
        let s = try #require(c.stakers)
        #expect(s.initialStakeFraction == 0.5 && s.outsideYield == Rate(1, over: 10) && s.reviewPeriod == .days(7) && s.inertia == 0.8)
        let g = try #require(c.governance)
        #expect(g.quorum == Rate(1, over: 5) && g.threshold == Rate(1, over: 2))
        // The emergency threshold is exactly 2/3, as in EconomicParameters.specDefaults.
        #expect(g.emergencyThreshold == EconomicParameters.specDefaults.emergencyThreshold)
        #expect(g.turnout == 0.6)
        let p = try #require(g.proposals.first)
        #expect(p.kind == .parameterChange && p.at == .minutes(10))
        #expect(p.parameters == [.burnRate(Rate(1, over: 100))] && p.parameters[0].valueText == "0.01")  // "1%" parsed once
        #expect(p.votingPeriodDays == 7 && p.executionDelayDays == 2 && p.support == 0.7)
        #expect(p.proposerStake == TokenAmount(gct: 50_000))
        #expect(p.proposal.votingPeriodDays == 7 && p.proposal.parameters == [.burnRate(Rate(1, over: 100))])
        #expect(c.attacks == AttacksConfiguration())
    }

    @Test("Regions are kept in name order, so the file's order changes neither the value nor the hash")
    func regionOrder() throws {
        let a = try ScenarioLoader.load(yaml: withSections("validators: {count: 3, stake: \"10000\", regions: {us-east: 3, ap-south: 1, eu-west: 0}}\n"))
        let b = try ScenarioLoader.load(yaml: withSections("validators: {count: 3, stake: \"10000\", regions: {eu-west: 0, us-east: 3, ap-south: 1}}\n"))
        #expect(a.configuration.validators?.regions.map(\.name) == ["ap-south", "eu-west", "us-east"])
        #expect(a.hash == b.hash)
    }

    @Test("Stake distributions whose support starts at or above min_stake are accepted", arguments: [
        "\"10000\"", "{dist: uniform, min: 10000, max: 200000}", "{dist: pareto, scale: 20000, shape: 2}",
        "{dist: empirical, values: [5000, 20000], weights: [0, 1]}",
    ])
    func stakeAccepted(stake: String) throws {
        let c = try ScenarioLoader.load(yaml: withSections("validators: {count: 3, stake: \(stake)}\n")).configuration
        #expect(try #require(c.validators).stake.supportMinimum >= 10_000)
    }

    @Test("A lower economy.staking.min_stake admits lower validator stakes")
    func stakeAgainstEconomy() throws {
        let yaml = withSections("economy: {staking: {min_stake: \"1000\"}}\nvalidators: {count: 3, stake: \"5000\"}\n")
        #expect(try ScenarioLoader.load(yaml: yaml).configuration.validators?.stake == .constant(value: 5000))
        #expect(throws: ScenarioError.self) {
            try ScenarioLoader.load(yaml: withSections("validators: {count: 3, stake: \"5000\"}\n"))
        }
    }

    @Test("Proposal parameters: every ParameterKey is accepted and normalised by EconomicParameters", arguments: [
        ("burn_rate", "\"0.5%\"", "0.005"), ("mining_reward_rate", "\"0.030\"", "0.03"), ("validator_reward_rate", "\"0.1\"", "0.1"),
        ("staking_minimum", "\"20_000\"", "20000"), ("governance_minimum_stake", "\"75000.0\"", "75000"),
        ("governance_quorum", "\"0.25\"", "0.25"), ("governance_threshold", "\"0.6\"", "0.6"),
        ("staking_funding", "mint", "mint"), ("slash_destination", "treasury", "treasury"),
        ("burn_rate", "\"1/200\"", "0.005"),  // the economy section's rate parser: fractions too
        ("oracle_min_reports", "5", "5"), ("oracle_min_reports", "\"1_0\"", "10"), ("staking_bonus_cap", "\"5%\"", "0.05"),
    ])
    func parameterKeys(key: String, written: String, normal: String) throws {
        let yaml = withSections("governance: {proposals: [{title: p, at: 1m, parameters: {\(key): \(written)}}]}\n")
        let p = try #require(try ScenarioLoader.load(yaml: yaml).configuration.governance?.proposals.first)
        #expect(p.parameters.map(\.key) == [ParameterKey(rawValue: key)!] && p.parameters.map(\.valueText) == [normal])
    }

    @Test("Every ParameterKey is tested above")
    func allParameterKeys() {
        #expect(ParameterKey.allCases.count == 11)
    }

    @Test("Booleans: true/false in YAML 1.2 spellings")
    func booleans() throws {
        let c = try ScenarioLoader.load(yaml: withSections(
            "validators: {count: 3, stake: \"10000\"}\noracle: {slash_outliers: True, detector: FALSE, regional_pricing: true}\nmetrics: {sample_events: false}\n"
        ).replacingOccurrences(of: "name: t\n", with: "name: t\n")).configuration
        #expect(c.oracle?.slashOutliers == true && c.oracle?.detector == false && c.oracle?.regionalPricing == true)
        #expect(c.metrics.sampleEvents == false)
    }

    @Test("Rates may be written as fractions n/d (so canonical YAML writes any Rate back exactly)")
    func fractions() throws {
        #expect(try ScenarioDecoder.parseRate("2/3") == Rate(2, over: 3))
        #expect(try ScenarioDecoder.parseRate("1_000/3_000") == Rate(1, over: 3))
        #expect(try ScenarioDecoder.parseRate("0.005") == Rate(5, over: 1000))
        #expect(throws: DecimalParseError.self) { try ScenarioDecoder.parseRate("1/0") }
        #expect(throws: DecimalParseError.self) { try ScenarioDecoder.parseRate("1/x") }
        #expect(throws: DecimalParseError.self) { try ScenarioDecoder.parseRate("/3") }
        let c = try ScenarioLoader.load(yaml: withSections("governance: {emergency_threshold: \"3/4\"}\n")).configuration
        #expect(c.governance?.emergencyThreshold == Rate(3, over: 4))
    }

    @Test("Initial staker stake: floor(balance × fraction) to whole GCT, zero below min_stake")
    func initialStake() throws {
        let minStake = TokenAmount(gct: 10_000)
        // 25 000 × 0.5 = 12 500.
        #expect(StakersConfiguration(count: 1, balance: TokenAmount(gct: 25_000)).initialStake(minStake: minStake) == TokenAmount(gct: 12_500))
        // 30 001 × 0.5 = 15 000.5 → 15 000 (whole GCT, rounded down).
        #expect(StakersConfiguration(count: 1, balance: TokenAmount(gct: 30_001)).initialStake(minStake: minStake) == TokenAmount(gct: 15_000))
        // 15 000 × 0.5 = 7 500 < 10 000 → not staked.
        #expect(StakersConfiguration(count: 1, balance: TokenAmount(gct: 15_000)).initialStake(minStake: minStake) == .zero)
        // Fraction 1 stakes everything; 0 nothing.
        #expect(StakersConfiguration(count: 1, balance: TokenAmount(gct: 20_000), initialStakeFraction: 1).initialStake(minStake: minStake) == TokenAmount(gct: 20_000))
        #expect(StakersConfiguration(count: 1, balance: TokenAmount(gct: 20_000), initialStakeFraction: 0).initialStake(minStake: minStake) == .zero)
    }

    @Test("ScenarioOperation is keyed to the pricing op table (one table: ComputeOperation)")
    func operations() {
        #expect(ScenarioOperation.allCases.map(\.computeOperation) == ComputeOperation.known)
        #expect(ScenarioOperation.yamlNames == ComputeOperation.known.map(\.name))
        for op in ScenarioOperation.allCases {
            #expect(ScenarioOperation(rawValue: op.rawValue) == op)
            #expect(ScenarioOperation(op.computeOperation) == op)
        }
        #expect(ScenarioOperation(.custom("x")) == nil)
        #expect(ScenarioOperation(rawValue: "custom") == nil)
    }

    @Test("The shipped full-economy scenarios load with their sections", arguments: [
        "baseline.yaml", "ci/smoke.yaml", "ci/attacks.yaml", "ci/fixed-pool.yaml",
    ])
    func shipped(file: String) throws {
        let path = GCTTestSupport.packageRoot.appendingPathComponent("scenarios").appendingPathComponent(file).path
        let c = try ScenarioLoader.load(file: path).configuration
        #expect(c.validators != nil && c.stakers != nil)
    }

    @Test("Every YAML file under scenarios/ (sub-folders included) loads")
    func everyShippedFile() throws {
        let root = GCTTestSupport.packageRoot.appendingPathComponent("scenarios")
        let files = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
            // proposals: GCTSweepTests; calibration/: profiles, not scenarios (loaded through calibrated.yaml, CalibrationProfileTests).
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("proposals/") && !$0.hasPrefix("calibration/") }.sorted()
        #expect(files.count >= 6, "\(files)")
        for file in files {
            #expect(throws: Never.self, "\(file)") { try ScenarioLoader.load(file: root.appendingPathComponent(file).path) }
        }
    }

    @Test("baseline.yaml: a year, >= 50 validators in >= 3 regions, auto-scaling, a burn-rate proposal at 180 d, ~10 M executions")
    func baseline() throws {
        let path = GCTTestSupport.packageRoot.appendingPathComponent("scenarios/baseline.yaml").path
        let c = try ScenarioLoader.load(file: path).configuration
        #expect(c.duration == .days(365) && c.replications == 1 && c.metrics.interval == .hours(1))
        let v = try #require(c.validators)
        #expect(v.count >= 50 && v.regions.filter { $0.weight > 0 }.count >= 3)
        #expect(c.autoscaling?.enabled == true)
        #expect(c.economy.staking.epoch == .days(1))
        #expect(c.pricing.mode == .dynamic && c.pricing.marketMultiplier == .fixed)
        #expect(c.users.count >= 2 && c.users.allSatisfy { $0.arrival.dailyProfile?.count == 24 })
        let p = try #require(c.governance?.proposals.first)
        #expect(p.at == .days(180) && p.parameters == [.burnRate(Rate(1, over: 100))])
        // Daily-average rates sum to 0.3-0.5/s: 0.5 × 31 536 000 s ≈ 15.8 M requests a year.
        let total = c.users.map(\.arrival.ratePerSecond).reduce(0, +)
        #expect(total >= 0.3 && total <= 0.5)
        #expect(total * 365 * 86_400 >= 10_000_000)
        #expect((8...32).contains(c.providers.servers))
    }
}

@Suite("Scenario full-economy canonical YAML")
struct ScenarioSectionsCanonicalTests {
    /// Every new key at a non-default value.
    static let everything = withSections(
        """
        metrics: {interval: 30m, sample_events: false}
        economy:
          staking: {funding: mint}
          slashing: {oracle_outlier: "0.02", unavailability: "0.001", proven_manipulation: "0.5", destination: treasury}
          governance_minimum_stake: "25_000"
          treasury: "5_000_000"
        validators:
          count: 9
          stake: {dist: uniform, min: 20000, max: 90000}
          reputation: 0.65
          regions: {us-east: 2, eu-west: 1.5, ap-south: 0}
          hardware: {gpu_count: 4, memory_gb: 40, compute_capability: 8.6}
          noise: 0.05
          unavailability: 0.1
          response_time: {mean: 350ms, deadline: 1500ms}
        oracle:
          period: 2m
          outlier_max_deviation: "0.3"
          slash_outliers: true
          slash_unavailable: true
          detector: false
          regional_pricing: true
          time_of_day_pricing: true
          utc_offset_hours: -5
        autoscaling:
          enabled: false
          period: 30m
          provisioning_delay: 90s
          min_servers: 2
          max_servers: 5
          velocity_window: 7d
        stakers:
          count: 40
          balance: "12_345.678"
          initial_stake_fraction: 0.75
          outside_yield: "0.045"
          review_period: 3d
          inertia: 0.9
        governance:
          quorum: "0.3"
          threshold: "0.55"
          emergency_threshold: "3/4"
          turnout: 0.4
          proposals:
            - title: "Cut \\"emissions\\""
              at: 20m
              kind: parameter_change
              parameters: {slash_destination: treasury, burn_rate: "0.02", staking_funding: unfunded}
              voting_period: 3d
              execution_delay: 0d
              support: 0.45
              proposer_stake: "10_000"
            - {title: upgrade, at: 30m, kind: upgrade}
            - {title: stop, at: 40m, kind: emergency, parameters: {governance_quorum: "0.1"}, voting_period: 1d}
        attacks:
          oracle_manipulation:
            - {start: 10m, end: 50m, validators: 4, bias: -0.25}
            - {start: 0s, end: 1m, validators: 9, bias: 2}
          whales:
            - {at: 5m, user_class: u, payment: "1_000.5", requests: 30, spacing: 250ms}

        """
    ).replacingOccurrences(of: "  servers: 2\n", with: "  servers: 3\n  count: 2\n")

    @Test("A scenario using every section loads back from its canonical YAML to the same value and hash")
    func roundTrip() throws {
        let first = try ScenarioLoader.load(yaml: Self.everything)
        let c = first.configuration
        // Spot-check that the non-default values arrived.
        #expect(c.validators?.regions.map(\.name) == ["ap-south", "eu-west", "us-east"])
        #expect(c.oracle?.utcOffsetHours == -5)
        #expect(c.autoscaling?.enabled == false && c.autoscaling?.maxServers == 5)
        #expect(c.stakers?.balance == (try TokenAmount(parsing: "12345.678")))
        #expect(c.governance?.proposals.count == 3)
        #expect(c.governance?.proposals[0].parameters == [.burnRate(Rate(2, over: 100)), .stakingFunding(.unfunded), .slashDestination(.treasury)])
        #expect(c.governance?.proposals[0].title == "Cut \"emissions\"")
        #expect(c.attacks?.oracleManipulation.map(\.bias) == [-0.25, 2])
        #expect(c.attacks?.whales.first?.spacing == .milliseconds(250))
        #expect(c.providers.count == 2 && c.economy.treasury == TokenAmount(gct: 5_000_000))
        #expect(c.economy.staking.funding == .mint && c.economy.slashing.destination == .treasury)

        let second = try ScenarioLoader.load(yaml: first.canonicalYAML, file: "canonical.yaml")
        #expect(second.configuration == first.configuration)
        #expect(second.canonicalYAML == first.canonicalYAML)
        #expect(second.hash == first.hash)
    }

    @Test("Canonical YAML of the shipped full-economy scenarios loads back unchanged", arguments: [
        "baseline.yaml", "ci/smoke.yaml", "ci/attacks.yaml", "ci/fixed-pool.yaml",
    ])
    func shippedRoundTrip(file: String) throws {
        let path = GCTTestSupport.packageRoot.appendingPathComponent("scenarios").appendingPathComponent(file).path
        let first = try ScenarioLoader.load(file: path)
        let second = try ScenarioLoader.load(yaml: first.canonicalYAML, file: "canonical.yaml")
        #expect(second.configuration == first.configuration)
        #expect(second.hash == first.hash)
    }

    /// One `--set` per new field; each must change the hash (so the canonical form covers it).
    static let changes = [
        "metrics.sample_events=true", "economy.slashing.oracle_outlier=0.03", "economy.slashing.unavailability=0.002",
        "economy.slashing.proven_manipulation=0.4", "economy.slashing.destination=burn",
        "economy.governance_minimum_stake=25001", "economy.treasury=1", "providers.count=3",
        "validators.count=10", "validators.stake=30000", "validators.reputation=0.6", "validators.regions.eu-west=1",
        "validators.hardware.gpu_count=2", "validators.hardware.memory_gb=41", "validators.hardware.compute_capability=9",
        "validators.noise=0.04", "validators.unavailability=0.2", "validators.response_time.mean=300ms",
        "validators.response_time.deadline=2s", "oracle.period=3m", "oracle.outlier_max_deviation=0.2",
        "oracle.slash_outliers=false", "oracle.slash_unavailable=false", "oracle.detector=true",
        "oracle.regional_pricing=false", "oracle.time_of_day_pricing=false", "oracle.utc_offset_hours=1",
        "autoscaling.enabled=true", "autoscaling.period=1h", "autoscaling.provisioning_delay=1m",
        "autoscaling.min_servers=1", "autoscaling.max_servers=6", "autoscaling.velocity_window=8d",
        "stakers.count=41", "stakers.balance=12345", "stakers.initial_stake_fraction=0.7", "stakers.outside_yield=0.05",
        "stakers.review_period=4d", "stakers.inertia=0.5", "governance.quorum=0.31", "governance.threshold=0.5",
        "governance.emergency_threshold=0.7", "governance.turnout=0.5", "governance.proposals.0.title=x",
        "governance.proposals.0.at=21m", "governance.proposals.0.kind=emergency",
        "governance.proposals.0.parameters.burn_rate=0.03", "governance.proposals.0.voting_period=4d",
        "governance.proposals.0.execution_delay=1d", "governance.proposals.0.support=0.5",
        "governance.proposals.0.proposer_stake=9", "attacks.oracle_manipulation.0.start=11m",
        "attacks.oracle_manipulation.0.end=51m", "attacks.oracle_manipulation.0.validators=3",
        "attacks.oracle_manipulation.0.bias=0.1", "attacks.whales.0.at=6m", "attacks.whales.0.payment=2",
        "attacks.whales.0.requests=31", "attacks.whales.0.spacing=1s",
    ]

    @Test("Changing any new field changes the hash", arguments: changes)
    func hashCoverage(change: String) throws {
        let base = try ScenarioLoader.load(yaml: Self.everything)
        let changed = try ScenarioLoader.load(yaml: Self.everything, overrides: [change])
        #expect(changed.configuration != base.configuration, "\(change) did not change the configuration")
        #expect(changed.hash != base.hash, "\(change) did not change the hash")
        let back = try ScenarioLoader.load(yaml: changed.canonicalYAML)
        #expect(back.configuration == changed.configuration)
    }
}

@Suite("Scenario full-economy errors: located, with choices and suggestions")
struct ScenarioSectionErrorTests {
    // Appended sections start at line 11 (see `withSections`).
    static func appended(_ text: String) -> [(String, String)] {
        [("    budget: \"10\"\n", "    budget: \"10\"\n" + text + "\n")]
    }

    static let cases: [MalformedCase] = [
        MalformedCase(
            label: "unknown key in validators suggests", edits: appended("validators:\n  count: 5\n  stake: \"50000\"\n  reputaton: 0.9"),
            location: "14:3", contains: ["unknown key 'reputaton' in validators", "valid: count, stake, reputation"],
            suggestion: "reputation"),
        MalformedCase(
            label: "two validators", edits: appended("validators: {count: 2, stake: \"50000\"}"), location: "11:21",
            contains: ["validators.count must be a whole number >= 3, got 2"]),
        MalformedCase(
            label: "validator stake below min_stake", edits: appended("validators: {count: 3, stake: {dist: uniform, min: 5000, max: 9e4}}"),
            location: "11:31",
            contains: ["validators.stake: every stake must be at least economy.staking.min_stake (10000 GCT)", "smallest value it can take is 5000"]),
        MalformedCase(
            label: "validator stake from an unbounded-below distribution", edits: appended("validators: {count: 3, stake: {dist: exponential, mean: 50000}}"),
            location: "11:31", contains: ["the exponential distribution reaches down to 0; use constant, uniform, pareto or empirical"]),
        MalformedCase(
            label: "region weights all zero", edits: appended("validators: {count: 3, stake: \"10000\", regions: {a: 0, b: 0}}"),
            location: "11:49", contains: ["validators.regions needs at least one region with weight > 0"]),
        MalformedCase(
            label: "reputation above 1", edits: appended("validators: {count: 3, stake: \"10000\", reputation: 1.5}"),
            location: "11:52", contains: ["validators.reputation must be in [0, 1], got 1.5"]),
        MalformedCase(
            label: "oracle without validators", edits: appended("oracle: {period: 5m}"), location: "11:1",
            contains: ["oracle needs a validators section"]),
        MalformedCase(
            label: "YAML 1.1 boolean suggests the 1.2 word",
            edits: appended("validators: {count: 3, stake: \"10000\"}\noracle: {slash_outliers: yes}"), location: "12:26",
            contains: ["oracle.slash_outliers: expected true or false, got 'yes'", "valid: true, false"], suggestion: "true"),
        MalformedCase(
            label: "zero oracle period", edits: appended("validators: {count: 3, stake: \"10000\"}\noracle: {period: 0s}"),
            location: "12:18", contains: ["oracle.period must be > 0, got 0s"]),
        MalformedCase(
            label: "max_servers below servers", edits: appended("autoscaling: {max_servers: 1}"), location: "11:28",
            contains: ["autoscaling.max_servers (1) must be at least providers.servers (2), the pool at time 0"]),
        MalformedCase(
            label: "min_servers above servers", edits: appended("autoscaling: {min_servers: 3}"), location: "11:28",
            contains: ["autoscaling.min_servers (3) must not exceed providers.servers (2)"]),
        MalformedCase(
            label: "unknown key in autoscaling suggests", edits: appended("autoscaling: {max_server: 4}"), location: "11:15",
            contains: ["unknown key 'max_server' in autoscaling"], suggestion: "max_servers"),
        MalformedCase(
            label: "zero stakers", edits: appended("stakers: {count: 0, balance: \"1\"}"), location: "11:18",
            contains: ["stakers.count must be a whole number >= 1, got 0"]),
        MalformedCase(
            label: "staker inertia above 1", edits: appended("stakers: {count: 1, balance: \"1\", inertia: 2}"), location: "11:44",
            contains: ["stakers.inertia must be in [0, 1], got 2"]),
        MalformedCase(
            label: "unknown parameter in a proposal suggests",
            edits: appended("governance:\n  proposals:\n    - title: p\n      at: 1m\n      parameters: {burn_rat: \"0.01\"}"),
            location: "15:20", contains: ["unknown parameter 'burn_rat' in governance.proposals.0.parameters", "valid: burn_rate, mining_reward_rate"],
            suggestion: "burn_rate"),
        MalformedCase(
            label: "bad parameter value",
            edits: appended("governance:\n  proposals:\n    - title: p\n      at: 1m\n      parameters: {burn_rate: \"2\"}"),
            location: "15:31", contains: ["governance.proposals.0.parameters.burn_rate must be at most 1, got '2'"]),
        MalformedCase(
            label: "bad enum parameter value lists the choices",
            edits: appended("governance:\n  proposals:\n    - title: p\n      at: 1m\n      parameters: {staking_funding: minted}"),
            location: "15:37", contains: ["governance.proposals.0.parameters.staking_funding: unknown value 'minted'", "valid: emission_pool, treasury, mint, unfunded"],
            suggestion: "mint"),
        MalformedCase(
            label: "parameter_change without parameters", edits: appended("governance: {proposals: [{title: p, at: 1m}]}"),
            location: "11:26", contains: ["a parameter_change proposal needs at least one parameter"]),
        MalformedCase(
            label: "upgrade with parameters",
            edits: appended("governance: {proposals: [{title: p, at: 1m, kind: upgrade, parameters: {burn_rate: \"0.01\"}}]}"),
            location: "11:72", contains: ["an upgrade proposal changes no parameters"]),
        MalformedCase(
            label: "unknown proposal kind suggests",
            edits: appended("governance: {proposals: [{title: p, at: 1m, kind: upgrad}]}"), location: "11:51",
            contains: ["governance.proposals.0.kind: unknown value 'upgrad'", "valid: parameter_change, upgrade, emergency"],
            suggestion: "upgrade"),
        MalformedCase(
            label: "voting period not whole days",
            edits: appended("governance: {proposals: [{title: p, at: 1m, parameters: {burn_rate: \"0.01\"}, voting_period: 36h}]}"),
            location: "11:93", contains: ["governance.proposals.0.voting_period must be a whole number of days >= 1 (e.g. 7d), got 36h"]),
        MalformedCase(
            label: "proposal after the end of the run",
            edits: appended("governance: {proposals: [{title: p, at: 2h, parameters: {burn_rate: \"0.01\"}}]}"), location: "11:41",
            contains: ["governance.proposals.0.at (2h) must be before the end of the run (warmup + duration = 1h)"]),
        MalformedCase(
            label: "turnout above 1", edits: appended("governance: {turnout: 1.5}"), location: "11:23",
            contains: ["governance.turnout must be in [0, 1], got 1.5"]),
        MalformedCase(
            label: "bias at -1",
            edits: appended("validators: {count: 3, stake: \"10000\"}\nattacks: {oracle_manipulation: [{start: 1m, end: 2m, validators: 1, bias: -1}]}"),
            location: "12:75", contains: ["attacks.oracle_manipulation.0.bias must be > -1"]),
        MalformedCase(
            label: "attack end before start",
            edits: appended("validators: {count: 3, stake: \"10000\"}\nattacks: {oracle_manipulation: [{start: 2m, end: 1m, validators: 1, bias: 0.3}]}"),
            location: "12:50", contains: ["attacks.oracle_manipulation.0.end (1m) must be after attacks.oracle_manipulation.0.start (2m)"]),
        MalformedCase(
            label: "more colluders than validators",
            edits: appended("validators: {count: 3, stake: \"10000\"}\nattacks: {oracle_manipulation: [{start: 1m, end: 2m, validators: 4, bias: 0.3}]}"),
            location: "12:66", contains: ["attacks.oracle_manipulation.0.validators (4) must not exceed validators.count (3)"]),
        MalformedCase(
            label: "outage bias without a coalition",
            edits: appended("validators: {count: 3, stake: \"10000\"}\nattacks: {outage: [{start: 1m, end: 2m, offline_share: 0.5, bias: 0.3}]}"),
            location: "12:67", contains: ["attacks.outage.0.bias: a bias needs a coalition (weight_share)"]),
        MalformedCase(
            label: "sybil stake below the minimum",
            edits: appended("validators: {count: 3, stake: \"10000\"}\nattacks: {sybil: [{start: 1m, end: 2m, validators: 2, stake: \"5000\", bias: 0.3}]}"),
            location: "12:62", contains: ["attacks.sybil.0.stake", "must be at least economy.staking.min_stake"]),
        MalformedCase(
            label: "wash trading with an unknown mode",
            edits: appended("attacks: {wash_trading: [{start: 1m, end: 2m, mode: wash, rate_per_s: 1, amount: \"10\"}]}"),
            location: "11:53", contains: ["attacks.wash_trading.0.mode", "execute"]),
        MalformedCase(
            label: "governance capture of an unknown parameter",
            edits: appended("attacks: {governance_capture: [{at: 1m, stake: \"20000\", parameters: {burn_rat: \"0\"}}]}"),
            location: "11:70", contains: ["unknown parameter 'burn_rat'"], suggestion: "burn_rate"),
        MalformedCase(
            label: "oracle manipulation without validators",
            edits: appended("attacks: {oracle_manipulation: [{start: 1m, end: 2m, validators: 1, bias: 0.3}]}"), location: "11:33",
            contains: ["oracle manipulation needs a validators section"]),
        MalformedCase(
            label: "whale of an unknown user class suggests",
            edits: appended("attacks: {whales: [{at: 1m, user_class: u2, payment: \"100\", requests: 5}]}"), location: "11:41",
            contains: ["attacks.whales.0.user_class: unknown user class 'u2'", "valid: u"], suggestion: "u"),
        MalformedCase(
            label: "whale paying nothing",
            edits: appended("attacks: {whales: [{at: 1m, user_class: u, payment: \"0\", requests: 5}]}"), location: "11:53",
            contains: ["attacks.whales.0.payment must be > 0"]),
        MalformedCase(
            label: "unknown slash destination suggests", edits: appended("economy: {slashing: {destination: burnn}}"),
            location: "11:35", contains: ["economy.slashing.destination: unknown value 'burnn'", "valid: burn, treasury"],
            suggestion: "burn"),
        MalformedCase(
            label: "treasury over the cap", edits: appended("economy: {treasury: \"900_000_001\"}"), location: "11:21",
            contains: ["economy.initial_supply + economy.treasury (100000000 + 900000001) must not exceed economy.cap (1000000000)"]),
        MalformedCase(
            label: "bad fraction rate", edits: appended("governance: {quorum: \"1/0\"}"), location: "11:22",
            contains: ["governance.quorum: bad rate", "out of range"]),
        MalformedCase(
            label: "zero provider accounts", edits: [("  servers: 2", "  servers: 2\n  count: 0")], location: "5:10",
            contains: ["providers.count must be a whole number >= 1, got 0"]),
        MalformedCase(
            label: "user region without validators", edits: [("    budget: \"10\"\n", "    budget: \"10\"\n    region: us-east\n")],
            location: "11:13", contains: ["users.0.region needs validators in that region"]),
        MalformedCase(
            label: "unknown user region suggests",
            edits: [("    budget: \"10\"\n", "    budget: \"10\"\n    region: us-eas\nvalidators: {count: 3, stake: \"10000\", regions: {us-east: 1, eu-west: 1}}\n")],
            location: "11:13", contains: ["users.0.region: unknown region 'us-eas'", "valid: eu-west, us-east"], suggestion: "us-east"),
        MalformedCase(
            label: "sample_events not a boolean", edits: appended("metrics: {sample_events: 1}"), location: "11:26",
            contains: ["metrics.sample_events: expected true or false, got '1'"]),
    ]

    @Test("A malformed full-economy section gives one located line", arguments: cases)
    func malformed(_ c: MalformedCase) throws {
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioLoader.load(yaml: c.yaml, file: "<scenario>", overrides: c.overrides)
        }
        let text = error.description
        #expect(!text.contains("\n"), "not one line: \(text)")
        #expect(text.hasPrefix("<scenario>:\(c.location): error: "), "\(text)")
        for fragment in c.contains {
            #expect(text.contains(fragment), "missing '\(fragment)' in: \(text)")
        }
        #expect(error.suggestion == c.suggestion, "\(text)")
        if let s = c.suggestion { #expect(text.hasSuffix("did you mean '\(s)'?")) }
    }
}

/// Keys written where they cannot act give one located warning each (issue 13, no inert keys).
@Suite("Scenario warnings: keys that cannot act")
struct ScenarioWarningTests {
    @Test("each inert placement warns at the key, naming what it needs", arguments: [
        ("pricing: {market_multiplier: literal}", "11:11", "pricing.market_multiplier has no effect without validators"),
        ("pricing: {fixed_price: \"1\"}", "11:11", "pricing.fixed_price has no effect unless pricing.mode is fixed"),
        ("validators: {count: 3, stake: \"10000\", hardware: {gpu_count: 4}}", "11:40", "validators.hardware is not read by this world"),
        ("validators: {count: 3, stake: \"10000\"}\noracle: {regional_pricing: true}", "12:10", "oracle.regional_pricing needs user classes with a region"),
        ("validators: {count: 3, stake: \"10000\"}\noracle: {utc_offset_hours: 5}", "12:10", "oracle.utc_offset_hours has no effect without oracle.time_of_day_pricing"),
    ])
    func warns(_ sections: String, _ location: String, _ fragment: String) throws {
        let s = try ScenarioLoader.load(yaml: withSections(sections + "\n"), file: "<scenario>")
        #expect(s.warnings.count == 1, "\(s.warnings)")
        let w = try #require(s.warnings.first)
        #expect(w.hasPrefix("<scenario>:\(location): warning: "), "\(w)")
        #expect(w.contains(fragment), "\(w)")
        #expect(!w.contains("\n"))
    }

    @Test("the same keys where they act give no warning")
    func quietWhereTheyAct() throws {
        let acting = """
            validators: {count: 3, stake: "10000", regions: {us-east: 1}}
            oracle: {regional_pricing: true, time_of_day_pricing: true, utc_offset_hours: 5}
            pricing: {market_multiplier: literal}

            """
        let yaml = withSections(acting).replacingOccurrences(of: "    budget: \"10\"\n", with: "    budget: \"10\"\n    region: us-east\n")
        let s = try ScenarioLoader.load(yaml: yaml, file: "<scenario>")
        #expect(s.warnings.isEmpty, "\(s.warnings)")
        #expect(s.configuration.users[0].region == "us-east")
    }
}
