#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Pareto (type I) distribution: heavy-tailed sizes, `P(X > x) = (scale / x)^shape` for x >= scale.
@frozen
public struct ParetoDistribution: SamplingDistribution {
    /// The minimum value x_m.
    public let scale: Double
    /// The tail index alpha.
    public let shape: Double

    /// - Precondition: `scale > 0`, `shape > 0`, both finite.
    @inlinable
    public init(scale: Double, shape: Double) {
        precondition(scale > 0 && shape > 0 && scale.isFinite && shape.isFinite, "pareto needs scale > 0 and shape > 0, got \(scale), \(shape)")
        self.scale = scale
        self.shape = shape
    }

    /// Inversion: `scale * u^(-1/shape)` with u in (0, 1). One 64-bit draw.
    @inlinable
    public func sample(_ stream: inout RandomStream) -> Double {
        scale * pow(stream.uniform(), -1 / shape)
    }

    /// alpha x_m / (alpha - 1) for alpha > 1, else infinite.
    public var mean: Double { shape > 1 ? shape * scale / (shape - 1) : .infinity }
    /// x_m^2 alpha / ((alpha - 1)^2 (alpha - 2)) for alpha > 2, else infinite.
    public var variance: Double {
        shape > 2 ? scale * scale * shape / ((shape - 1) * (shape - 1) * (shape - 2)) : .infinity
    }
}
