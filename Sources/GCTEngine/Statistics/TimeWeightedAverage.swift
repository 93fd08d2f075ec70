/// The time average of a piecewise-constant quantity, e.g. a queue length or a utilization.
///
/// Call `record(_:at:)` whenever the quantity changes; between changes it is held constant. The
/// average over [start, t] is `∫ value dt / (t - start)`. The integral is summed in seconds with
/// Neumaier's compensated summation, so millions of short pieces do not lose precision.
public struct TimeWeightedAverage: Hashable, Sendable {
    /// When observation began.
    public let start: SimTime
    /// When the current value was set.
    public private(set) var lastChange: SimTime
    /// The value since `lastChange`.
    public private(set) var currentValue: Double
    /// The least and greatest values held for a positive duration or currently held.
    public private(set) var minimum: Double
    public private(set) var maximum: Double
    /// ∫ value dt over [start, lastChange], in value·seconds, and its compensation term.
    private var area: Double = 0
    private var compensation: Double = 0

    /// Starts observing at `start` with the quantity at `initialValue`.
    public init(start: SimTime = .zero, initialValue: Double = 0) {
        self.start = start
        lastChange = start
        currentValue = initialValue
        minimum = initialValue
        maximum = initialValue
    }

    /// Records that the quantity changed to `value` at `time`.
    ///
    /// - Precondition: `time >= lastChange` (time does not go back).
    /// - Complexity: O(1).
    public mutating func record(_ value: Double, at time: SimTime) {
        precondition(time >= lastChange, "time-weighted average: \(time) is before the last change at \(lastChange)")
        accumulate(currentValue * (time - lastChange).seconds)
        lastChange = time
        currentValue = value
        minimum = Swift.min(minimum, value)
        maximum = Swift.max(maximum, value)
    }

    /// ∫ value dt over [start, time], in value·seconds.
    ///
    /// - Precondition: `time >= lastChange`.
    public func integral(until time: SimTime) -> Double {
        precondition(time >= lastChange, "time-weighted average: \(time) is before the last change at \(lastChange)")
        return (area + compensation) + currentValue * (time - lastChange).seconds
    }

    /// The time average over [start, time]; the current value if no time has passed.
    ///
    /// - Precondition: `time >= lastChange`.
    public func average(until time: SimTime) -> Double {
        let elapsed = (time - start).seconds
        return elapsed > 0 ? integral(until: time) / elapsed : currentValue
    }

    private mutating func accumulate(_ term: Double) {
        let sum = area + term
        if abs(area) >= abs(term) {
            compensation += (area - sum) + term
        } else {
            compensation += (term - sum) + area
        }
        area = sum
    }
}
