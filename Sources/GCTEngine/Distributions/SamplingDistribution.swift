/// A probability distribution sampled from a `RandomStream`.
///
/// Distributions are immutable value types that hold their parameters and any precomputed tables;
/// sampling reads only the stream, so the same stream state always gives the same value, and a
/// distribution can be shared by many streams.
public protocol SamplingDistribution: Sendable {
    associatedtype Value

    /// Draws one value, advancing `stream`.
    func sample(_ stream: inout RandomStream) -> Value

    /// The theoretical mean (`.infinity` where it does not exist).
    var mean: Double { get }

    /// The theoretical variance (`.infinity` where it does not exist).
    var variance: Double { get }
}
