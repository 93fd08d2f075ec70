/// A column of a ``TrajectoryTable`` whose element type was checked when the handle was made
/// (``TrajectoryTable/column(_:as:)``), so setting it in a row costs one store.
public struct TrajectoryColumnHandle<Value: TrajectoryValue>: Sendable, Hashable {
    public let index: Int
}
