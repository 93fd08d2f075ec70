import ArgumentParser
import GCTEconomics

/// `gctsim quote stake`: `calculate_staking_rewards`.
struct QuoteStakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stake", abstract: "The APY and expected annual rewards of a stake (calculate_staking_rewards).")

    @Option(help: "The stake in GCT (up to 9 decimal places).") var amount: String
    @OptionGroup var output: QuoteOutputOptions

    struct JSON: Encodable {
        var stake_gct: String
        var stake_base_units: Int64
        var apy: String
        var annual_rewards_gct: String
        var annual_rewards_base_units: Int64
    }

    func run() throws {
        try QuoteIO.run {
            let stake = try QuoteIO.amount(amount, flag: "--amount")
            let apy = StakingYield.annualPercentageYield(stake: stake)
            let rewards = StakingYield.expectedAnnualRewards(stake: stake)
            if output.json {
                return try QuoteIO.json(JSON(
                    stake_gct: stake.decimalString(), stake_base_units: stake.baseUnits, apy: apy.description,
                    annual_rewards_gct: rewards.decimalString(), annual_rewards_base_units: rewards.baseUnits))
            }
            var rows = [("stake", "\(stake) GCT"), ("APY", "\(apy) (12 % base + min(stake / 1 000 000, 8 %))"),
                        ("annual rewards", "\(rewards) GCT (rounded down to a base unit)")]
            if stake < TokenAmount(gct: 10_000) { rows.append(("note", "below the 10 000 GCT staking threshold")) }
            return "staking yield\n" + QuoteIO.table(rows)
        }
    }
}
