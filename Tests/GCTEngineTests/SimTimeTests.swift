import GCTEngine
import Testing

@Suite("SimTime and SimDuration")
struct SimTimeTests {
    @Test("constructors count microseconds")
    func constructors() {
        // 1 s = 10^6 ticks; 1 min = 60 s; 1 h = 3 600 s; 1 d = 86 400 s.
        #expect(SimDuration.seconds(1).ticks == 1_000_000)
        #expect(SimDuration.minutes(2).ticks == 120_000_000)
        #expect(SimDuration.hours(3).ticks == 10_800_000_000)
        #expect(SimDuration.days(1).ticks == 86_400_000_000)
        #expect(SimDuration.milliseconds(7).ticks == 7_000)
        #expect(SimDuration.microseconds(9).ticks == 9)
        #expect(SimDuration.seconds(1.5).ticks == 1_500_000)
        #expect(SimDuration.hours(0.5) == .minutes(30))
        #expect(SimDuration.days(0.25) == .hours(6))
        #expect(SimTime.days(2) == SimTime(ticks: 172_800_000_000))
    }

    @Test("fractional seconds round to the nearest tick, ties to even")
    func rounding() {
        #expect(SimDuration.seconds(0.000_001_4).ticks == 1)
        #expect(SimDuration.seconds(0.000_001_6).ticks == 2)
        #expect(SimDuration.seconds(0.000_002_5).ticks == 2)  // 2.5 µs → 2 (even)
        #expect(SimDuration.seconds(-0.000_001_6).ticks == -2)
    }

    @Test("100 years fit with room to spare")
    func range() {
        let century = SimDuration.days(36_525)
        // 36 525 d × 86 400 s × 10^6 = 3.155 76 × 10^15 ticks, far below Int64.max ≈ 9.22 × 10^18.
        #expect(century.ticks == 3_155_760_000_000_000)
        #expect(SimTime.max.seconds / (365.25 * 86_400) > 290_000)
    }

    @Test("arithmetic and ordering")
    func arithmetic() {
        let start = SimTime.seconds(10)
        let later = start + .minutes(1)
        #expect(later.ticks == 70_000_000)
        #expect(later - start == .seconds(60))
        #expect(later - .seconds(70) == .zero)
        #expect(start < later)
        #expect(SimDuration.seconds(2) * 3 == .seconds(6))
        #expect(3 * SimDuration.seconds(2) == .seconds(6))
        var t = SimTime.zero
        t += .milliseconds(1_500)
        #expect(t.seconds == 1.5)
        #expect(SimDuration.hours(1).seconds == 3_600)
    }

    @Test("descriptions show days and microseconds")
    func descriptions() {
        #expect(SimDuration(ticks: 1).description == "00:00:00.000001")
        let d = SimDuration.days(1) + .hours(2) + .minutes(3) + .seconds(4) + .milliseconds(500)
        #expect(d.description == "1d 02:03:04.500000")
        #expect(SimDuration.seconds(-61).description == "-00:01:01.000000")
        #expect(SimTime.seconds(1).description == "t=00:00:01.000000")
    }
}
