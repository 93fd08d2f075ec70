/// Always the same value; draws nothing from the stream.
@frozen
public struct ConstantDistribution: SamplingDistribution {
    public let value: Double

    @inlinable
    public init(_ value: Double) { self.value = value }

    @inlinable
    public func sample(_ stream: inout RandomStream) -> Double { value }

    public var mean: Double { value }
    public var variance: Double { 0 }
}
