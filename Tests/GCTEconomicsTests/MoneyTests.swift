import Testing
import _GCTTestSupport
@testable import GCTEconomics

@Suite("Exact money: TokenAmount, Rate, rounding")
struct MoneyTests {
    @Test("decimal strings parse exactly", arguments: [
        ("0.001", Int64(1_000_000)),
        ("1_000_000_000", Int64(1_000_000_000_000_000_000)),
        ("9999.999999999", Int64(9_999_999_999_999)),
        ("0.000000001", Int64(1)),
        ("1.11375", Int64(1_113_750_000)),
        ("-2.5", Int64(-2_500_000_000)),
        ("10_000", Int64(10_000_000_000_000)),
        ("0", Int64(0)),
        ("007.50", Int64(7_500_000_000)),
    ])
    func parse(text: String, baseUnits: Int64) throws {
        #expect(try TokenAmount(parsing: text).baseUnits == baseUnits)
    }

    @Test("bad strings give typed errors that say what is wrong")
    func badStrings() {
        #expect(throws: DecimalParseError.empty) { try TokenAmount(parsing: "") }
        #expect(throws: DecimalParseError.tooManyDecimalPlaces("0.0000000001", places: 10, maximum: 9)) {
            try TokenAmount(parsing: "0.0000000001")
        }
        #expect(throws: DecimalParseError.misplacedUnderscore("1__000")) { try TokenAmount(parsing: "1__000") }
        #expect(throws: DecimalParseError.misplacedUnderscore("_1")) { try TokenAmount(parsing: "_1") }
        #expect(throws: DecimalParseError.multipleDecimalPoints("1.2.3")) { try TokenAmount(parsing: "1.2.3") }
        #expect(throws: DecimalParseError.invalidCharacter("12a", character: "a", offset: 2)) { try TokenAmount(parsing: "12a") }
        #expect(throws: DecimalParseError.noDigits(".")) { try TokenAmount(parsing: ".") }
        #expect(throws: DecimalParseError.outOfRange("10_000_000_000")) { try TokenAmount(parsing: "10_000_000_000") }
        #expect(DecimalParseError.tooManyDecimalPlaces("0.0000000001", places: 10, maximum: 9).description.contains("at most 9"))
    }

    @Test("printing is exact and round-trips for 10 000 random amounts")
    func roundTrip() throws {
        var g = SeededGenerator(seed: 1)
        for _ in 0..<10_000 {
            let v = Int64.random(in: -Int64(9e18)...Int64(9e18), using: &g) / (Int64.random(in: 1...1_000_000_000, using: &g))
            let a = TokenAmount(baseUnits: v)
            #expect(try TokenAmount(parsing: a.decimalString()) == a, "\(v)")
        }
        #expect(TokenAmount(baseUnits: 1_300_000_000_000).description == "1300")
        #expect(TokenAmount(baseUnits: 5_568_750).description == "0.00556875")
        #expect(TokenAmount(baseUnits: -1).description == "-0.000000001")
    }

    @Test("rounding rules follow their documented table", arguments: [
        // (numerator, denominator, down, up, nearestEven)
        (UInt128(20), UInt128(10), UInt128(2), UInt128(2), UInt128(2)),
        (24, 10, 2, 3, 2),
        (25, 10, 2, 3, 2),
        (35, 10, 3, 4, 4),
        (26, 10, 2, 3, 3),
    ] as [(UInt128, UInt128, UInt128, UInt128, UInt128)])
    func rounding(n: UInt128, d: UInt128, down: UInt128, up: UInt128, even: UInt128) {
        #expect(ExactArithmetic.divide(n, by: d, rounding: .down).quotient == down)
        #expect(ExactArithmetic.divide(n, by: d, rounding: .up).quotient == up)
        #expect(ExactArithmetic.divide(n, by: d, rounding: .toNearestOrEven).quotient == even)
        #expect(ExactArithmetic.multiplyDivide(n, 7, d * 7, rounding: .down)?.quotient == down)
        #expect(ExactArithmetic.multiplyDivide(n, 7, d * 7, rounding: .up)?.quotient == up)
        #expect(ExactArithmetic.multiplyDivide(n, 7, d * 7, rounding: .toNearestOrEven)?.quotient == even)
    }

    @Test("256-bit intermediate: (2^100 × 2^100) / 2^120 = 2^80; overflowing quotient is nil")
    func wideMultiplyDivide() {
        let p100 = UInt128(1) << 100
        #expect(ExactArithmetic.multiplyDivide(p100, p100, UInt128(1) << 120, rounding: .down)?.quotient == UInt128(1) << 80)
        #expect(ExactArithmetic.multiplyDivide(p100 + 1, p100, UInt128(1) << 120, rounding: .up)?.quotient == (UInt128(1) << 80) + 1)
        #expect(ExactArithmetic.multiplyDivide(p100, p100, 3, rounding: .down) == nil)
    }

    @Test("rates parse, reduce, compare and print exactly")
    func rates() throws {
        #expect(try Rate(parsing: "0.005") == Rate(1, over: 200))
        #expect(try Rate(parsing: "0.5%") == Rate(1, over: 200))
        #expect(try Rate(parsing: "12") == Rate(12, over: 1))
        #expect(Rate(1, over: 200).description == "0.005")
        #expect(Rate(1, over: 3).description == "1/3")
        #expect(Rate(ppb: 5_000_000) == Rate(bps: 50))
        #expect(Rate(12, over: 100) < Rate(13, over: 100))
        #expect(Rate.adding(Rate(12, over: 100), Rate(8, over: 100)) == Rate(1, over: 5))
        #expect(Rate.subtracting(Rate(1, over: 10), Rate(1, over: 5)) == nil)
        #expect(throws: DecimalParseError.negativeNotAllowed("-0.1")) { try Rate(parsing: "-0.1") }
    }

    @Test("amount × rate rounds in the stated direction and reports the remainder")
    func amountTimesRate() {
        let a = TokenAmount(baseUnits: 1_000)
        let third = Rate(1, over: 3)
        #expect(a.multiplied(by: third, rounding: .down).baseUnits == 333)
        #expect(a.multiplied(by: third, rounding: .up).baseUnits == 334)
        let (q, r) = a.multipliedWithRemainder(by: third, rounding: .down)
        #expect(q.baseUnits == 333 && r == 1)  // 1000 = 333 × 3 + 1
    }
}
