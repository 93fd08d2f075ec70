import GCTEconomics
import GCTWorld

// The keys of `metrics:`, `economy:` and `pricing:`, each declared once. Defaults are the
// configurations' own (`EconomyConfiguration.spec`, which takes PRD-010's from `EconomicParameters.specDefaults`).

extension MetricsConfiguration {
    static var keys: ScenarioSection<MetricsConfiguration> {
        ScenarioSection(keys: [
            .value("interval", \.interval, Codecs.positiveDuration, "time between metric snapshots"),
            .value("sample_events", \.sampleEvents, Codecs.boolean, "also record per-event samples (latencies, prices)"),
        ], documented: MetricsConfiguration())
    }
}

extension EconomyConfiguration {
    static var keys: ScenarioSection<EconomyConfiguration> {
        ScenarioSection(keys: [
            .value("burn_rate", \.burnRate, Codecs.rate, "share of each execution payment burned (`GCT_BURN_RATE`)"),
            .section("distribution", \.distribution, DistributionShares.keys, read: { (n, k, _) throws(ScenarioError) in try ScenarioDecoder.shares(n, k) }),
            .value("initial_supply", \.initialSupply, Codecs.amount, "circulating supply at time 0; spec reads `initial_circulating_supply` with no default (departure S1); at most `cap`"),
            .value("cap", \.cap, Codecs.amount, "total supply cap (`GCT_TOTAL_SUPPLY`)"),
            .section("staking", \.staking, StakingConfiguration.keys),
            .section("emission", \.emission, EmissionConfiguration.keys),
            .section("slashing", \.slashing, SlashingConfiguration.keys),
            .value("governance_minimum_stake", \.governanceMinimumStake, Codecs.amount, "stake a proposer needs (`min_governance_stake`); > 0"),
            .value("treasury", \.treasury, Codecs.amount, "minted to the treasury at genesis; `initial_supply + treasury` at most `cap`"),
            .value("fee_pool", \.feePool, Codecs.choice(FeePoolUse.self), "use of the fee pool at each epoch end: `staking` (into the emission pool, funds the staking APY), `treasury`, `keep` (accumulates; literal) (departure D14)"),
        ], documented: .spec)
    }
}

extension DistributionShares {
    /// All three are required when `distribution:` is written; they must add up to exactly 1.
    static var keys: ScenarioSection<DistributionShares> {
        ScenarioSection(keys: [
            .required("provider", \.provider, Codecs.rate, example: "\"0.85\"", "provider's share of the unburned payment (spec silent)"),
            .required("validators", \.validators, Codecs.rate, example: "\"0.85\"", "validators' share; the three add up to exactly 1"),
            .required("fee_pool", \.feePool, Codecs.rate, example: "\"0.85\"", "fee pool's share"),
        ], documented: .default)
    }
}

extension StakingConfiguration {
    static var keys: ScenarioSection<StakingConfiguration> {
        ScenarioSection(keys: [
            .value("min_stake", \.minStake, Codecs.amount, "minimum stake (`GCT_STAKING_THRESHOLD`)"),
            .value("epoch", \.epoch, Codecs.positiveDuration, "reward epoch length (spec silent)"),
            .value("funding", \.funding, Codecs.choice(StakingFundingSource.self), "source of staking rewards; `mint`: minted on demand within the cap (spec silent; departure D1)"),
            .value("cooldown", \.cooldown, Codecs.duration, "wait between unstaking and withdrawal (spec silent)"),
            .optional("bonus_cap", \.bonusCap, Codecs.governable(Codecs.rate) { .stakingBonusCap($0) }, "largest stake bonus on top of the 12 % base APY: `min(stake / 1 000 000 GCT, cap)` (`calculate_staking_rewards`; 0.08 when absent; governable as `staking_bonus_cap`)"),
        ], documented: EconomyConfiguration.spec.staking)
    }
}

extension EmissionConfiguration {
    static var keys: ScenarioSection<EmissionConfiguration> {
        ScenarioSection(keys: [
            .value("mining", \.miningRate, Codecs.rate, "a year (`GCT_MINING_REWARD_RATE`)"),
            .value("validator", \.validatorRate, Codecs.rate, "a year (`GCT_VALIDATOR_REWARD_RATE`)"),
            .value("undistributed", \.undistributed, Codecs.choice(UndistributedEmission.self), "validator emission left after the staking rewards of an epoch: `validators` (pro rata to stake × reputation), `stay` (in the emission pool; literal) (departure D13)"),
        ], documented: EconomyConfiguration.spec.emission)
    }
}

extension SlashingConfiguration {
    static var keys: ScenarioSection<SlashingConfiguration> {
        ScenarioSection(keys: [
            .value("oracle_outlier", \.oracleOutlier, Codecs.rate, "fraction of a position slashed for an outlier report (spec names slashing only; departure D7)"),
            .value("unavailability", \.unavailability, Codecs.rate, "… for a missed oracle round"),
            .value("proven_manipulation", \.provenManipulation, Codecs.rate, "… for proven manipulation"),
            .value("destination", \.destination, Codecs.choice(SlashDestination.self), "where slashed tokens go"),
        ], documented: EconomyConfiguration.spec.slashing)
    }
}

extension PricingConfiguration {
    static var keys: ScenarioSection<PricingConfiguration> {
        ScenarioSection(keys: [
            .value("mode", \.mode, Codecs.choice(Mode.self), "`dynamic`: PRD-010's `calculate_compute_cost` with market factors; `fixed`: every execution costs `fixed_price` (queueing validation)"),
            .value("market_multiplier", \.marketMultiplier, Codecs.choice(MarketMultiplier.self), "`fixed`: the spec's evident intent; `literal`: the spec's formula as written"),
            .value("lambda_update", \.lambdaUpdate, Codecs.choice(PriceUpdateRule.self), "lambda price update after a success: `load` (toward the formula price × max(1, pool load)); `literal` (one op's pending work / pool capacity; drifts down while any server idles) (departure P2)"),
            .value("queue_priority", \.queuePriority, Codecs.choice(QueuePriority.self), "how a payment turns into queue priority"),
            .optional("fixed_price", \.fixedPrice, Codecs.amount, "required when `mode: fixed`, ignored otherwise"),
        ], documented: PricingConfiguration())
    }
}
