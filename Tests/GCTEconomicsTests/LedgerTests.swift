import Testing
import _GCTTestSupport
@testable import GCTEconomics

func gct(_ s: String) -> TokenAmount { try! TokenAmount(parsing: s) }

@Suite("Ledger: all-or-nothing operations and the supply invariant")
struct LedgerTests {
    struct Fixture {
        var ledger = Ledger()
        let alice: AccountID, bob: AccountID, treasury: AccountID, provider: AccountID, validators: AccountID, fees: AccountID
        init() {
            alice = ledger.openAccount(.user, name: "alice")
            bob = ledger.openAccount(.user, name: "bob")
            treasury = ledger.openAccount(.treasury, name: "treasury")
            provider = ledger.openAccount(.provider, name: "provider")
            validators = ledger.openAccount(.validatorRewardPool, name: "validators")
            fees = ledger.openAccount(.feePool, name: "fees")
        }
    }

    @Test func mintTransferBurnKeepSupply() throws {
        var f = Fixture()
        try f.ledger.mint(gct("1000"), to: f.alice, memo: .genesis)
        try f.ledger.transfer(gct("250.5"), from: f.alice, to: f.bob, memo: .other)
        try f.ledger.burn(gct("0.5"), from: f.bob, memo: .other)
        #expect(f.ledger.balance(of: f.alice) == gct("749.5"))
        #expect(f.ledger.balance(of: f.bob) == gct("250"))
        #expect(f.ledger.supply.total == gct("999.5"))
        #expect(f.ledger.supply.burned == gct("0.5"))
        #expect(f.ledger.checkSupplyInvariant())
        #expect(f.ledger.auditAllAccounts() == nil)
    }

    @Test func typedErrorsAndNothingChanges() throws {
        var f = Fixture()
        try f.ledger.mint(gct("10"), to: f.alice, memo: .genesis)
        let before = (f.ledger.accounts, f.ledger.minted, f.ledger.burned, f.ledger.sequence)
        #expect(throws: LedgerError.insufficientBalance(account: f.alice, needed: gct("10.000000001"), available: gct("10"))) {
            try f.ledger.transfer(gct("10.000000001"), from: f.alice, to: f.bob, memo: .other)
        }
        #expect(throws: LedgerError.nonPositiveAmount(.zero)) { try f.ledger.transfer(.zero, from: f.alice, to: f.bob, memo: .other) }
        #expect(throws: LedgerError.nonPositiveAmount(gct("-1"))) { try f.ledger.burn(gct("-1"), from: f.alice, memo: .other) }
        #expect(throws: LedgerError.unknownAccount(AccountID(rawValue: 99))) { try f.ledger.transfer(gct("1"), from: f.alice, to: AccountID(rawValue: 99), memo: .other) }
        #expect(throws: LedgerError.sameAccount(f.alice)) { try f.ledger.transfer(gct("1"), from: f.alice, to: f.alice, memo: .other) }
        #expect(throws: LedgerError.insufficientHeld(account: f.alice, needed: gct("1"), available: .zero)) { try f.ledger.release(gct("1"), on: f.alice) }
        #expect(throws: LedgerError.insufficientStaked(account: f.alice, needed: gct("1"), available: .zero)) { try f.ledger.unstake(gct("1"), on: f.alice) }
        #expect(throws: LedgerError.notStakeable(f.treasury)) { try f.ledger.stake(gct("1"), on: f.treasury) }
        #expect(f.ledger.accounts == before.0 && f.ledger.minted == before.1 && f.ledger.burned == before.2 && f.ledger.sequence == before.3)
    }

    @Test func capIsNeverPassed() throws {
        var ledger = Ledger(cap: gct("100"))
        let a = ledger.openAccount(.user, name: "a")
        try ledger.mint(gct("99.999999999"), to: a, memo: .genesis)
        #expect(throws: LedgerError.capExceeded(requested: gct("0.000000002"), headroom: gct("0.000000001"))) {
            try ledger.mint(gct("0.000000002"), to: a, memo: .genesis)
        }
        try ledger.burn(gct("50"), from: a, memo: .other)
        // The cap bounds cumulative minting: burning does not create headroom.
        #expect(ledger.mintHeadroom == gct("0.000000001"))
        let report = try ledger.mintEmission(gct("5"), to: a, memo: .miningEmission)
        #expect(report.minted == gct("0.000000001") && report.capShortfall == gct("4.999999999"))
        #expect(ledger.minted == ledger.cap)
    }

    @Test func holdReleaseSettle() throws {
        var f = Fixture()
        try f.ledger.mint(gct("10"), to: f.alice, memo: .genesis)
        try f.ledger.hold(gct("1.11375"), on: f.alice)
        #expect(f.ledger.accounts[0].held == gct("1.11375") && f.ledger.supply.held == gct("1.11375"))
        let split = PaymentSplit(payment: gct("1.11375"), burnRate: Rate(5, over: 1000), shares: .default)
        try f.ledger.settle(split, heldBy: f.alice, provider: f.provider, validatorPool: f.validators, feePool: f.fees)
        #expect(f.ledger.burned == gct("0.00556875"))
        #expect(f.ledger.balance(of: f.provider) == split.provider)
        #expect(f.ledger.accounts[0].held == .zero)
        try f.ledger.hold(gct("2"), on: f.alice)
        try f.ledger.release(gct("2"), on: f.alice)
        #expect(f.ledger.balance(of: f.alice) == gct("10") - gct("1.11375"))
        #expect(f.ledger.auditAllAccounts() == nil && f.ledger.checkSupplyInvariant())
        // circulating excludes protocol accounts (validator pool, fee pool)
        #expect(f.ledger.supply.circulating == f.ledger.supply.total - split.validators - split.feePool)
    }

    @Test func sinkReceivesOneEntryPerChange() throws {
        final class Box { var entries: [LedgerEntry] = [] }
        let box = Box()
        var f = Fixture()
        f.ledger.sink = { box.entries.append($0) }
        try f.ledger.mint(gct("5"), to: f.alice, memo: .genesis)
        try f.ledger.transfer(gct("1"), from: f.alice, to: f.bob, memo: .topUp)
        _ = try? f.ledger.transfer(gct("100"), from: f.alice, to: f.bob, memo: .topUp)  // refused: no entry
        try f.ledger.burn(gct("1"), from: f.bob, memo: .other)
        #expect(box.entries.map(\.operation) == [.mint, .transfer, .burn])
        #expect(box.entries.map(\.sequence) == [1, 2, 3])
        #expect(box.entries[1].from == f.alice && box.entries[1].to == f.bob && box.entries[1].memo == .topUp)
    }

    @Test func slashBurnsOrPaysTreasury() throws {
        var f = Fixture()
        try f.ledger.mint(gct("100"), to: f.alice, memo: .genesis)
        try f.ledger.stake(gct("60"), on: f.alice)
        try f.ledger.slash(gct("6"), on: f.alice, to: nil)
        #expect(f.ledger.burned == gct("6") && f.ledger.supply.staked == gct("54"))
        try f.ledger.slash(gct("4"), on: f.alice, to: f.treasury)
        #expect(f.ledger.balance(of: f.treasury) == gct("4") && f.ledger.supply.staked == gct("50"))
        #expect(f.ledger.auditAllAccounts() == nil)
    }

    /// Property: 1 000 random sequences of 200 operations each (mint, burn, transfer, hold, release,
    /// capture, settle, stake, unstake, slash) — after every operation the O(1) invariant holds,
    /// a full audit agrees, failed operations change nothing, and minted ≤ cap.
    @Test func randomOperationSequencesConserveSupply() throws {
        for seed in UInt64(0)..<1_000 {
            var g = SeededGenerator(seed: seed)
            var f = Fixture()
            let ids = [f.alice, f.bob, f.treasury, f.provider, f.validators, f.fees, AccountID(rawValue: 42)]
            var ledger = Ledger(cap: gct("1000000"))
            for i in 0..<6 { _ = ledger.openAccount(f.ledger.accounts[i].kind, name: f.ledger.names[i]) }
            f.ledger = ledger
            for step in 0..<200 {
                let a = ids.randomElement(using: &g)!, b = ids.randomElement(using: &g)!
                let amount = TokenAmount(baseUnits: Int64.random(in: -5...300_000_000_000_000, using: &g))
                let snapshot = (f.ledger.accounts, f.ledger.minted, f.ledger.burned, f.ledger.sequence)
                var failed = false
                do {
                    switch Int.random(in: 0..<10, using: &g) {
                    case 0: try f.ledger.mint(amount, to: a, memo: .other)
                    case 1: try f.ledger.burn(amount, from: a, memo: .other)
                    case 2: try f.ledger.transfer(amount, from: a, to: b, memo: .other)
                    case 3: try f.ledger.hold(amount, on: a)
                    case 4: try f.ledger.release(amount, on: a)
                    case 5: try f.ledger.capture(amount, heldBy: a, to: b)
                    case 6:
                        let split = PaymentSplit(payment: max(amount, .zero), burnRate: Rate(5, over: 1000), shares: .default)
                        try f.ledger.settle(split, heldBy: a, provider: f.provider, validatorPool: f.validators, feePool: b)
                    case 7: try f.ledger.stake(amount, on: a)
                    case 8: try f.ledger.unstake(amount, on: a)
                    default: try f.ledger.slash(amount, on: a, to: Bool.random(using: &g) ? nil : f.treasury)
                    }
                } catch {
                    failed = true
                }
                if failed {
                    #expect(f.ledger.accounts == snapshot.0 && f.ledger.minted == snapshot.1
                            && f.ledger.burned == snapshot.2 && f.ledger.sequence == snapshot.3,
                            "seed \(seed) step \(step): a failed operation changed the ledger")
                }
                #expect(f.ledger.checkSupplyInvariant(), "seed \(seed) step \(step)")
                #expect(f.ledger.minted <= f.ledger.cap)
                if let problem = f.ledger.auditAllAccounts() { Issue.record("seed \(seed) step \(step): \(problem)") }
            }
        }
    }

    #if DEBUG
    @Test func injectedBugIsCaughtByTheInvariant() throws {
        var f = Fixture()
        try f.ledger.mint(gct("1"), to: f.alice, memo: .genesis)
        #expect(f.ledger.checkSupplyInvariant())
        f.ledger._transferDroppingUnitsForTesting(gct("0.5"), lost: .oneBaseUnit, from: f.alice, to: f.bob)
        #expect(!f.ledger.checkSupplyInvariant())  // the O(1) check sees the lost unit
        #expect(f.ledger.auditAllAccounts() != nil)
    }
    #endif
}
