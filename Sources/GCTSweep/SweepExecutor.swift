import Dispatch
import Foundation
import GCTEngine

/// Runs a list of jobs on worker threads and hands their results to `deliver` in list order, one
/// at a time, whatever the thread count. A worker does not start job i while job i − window is not
/// yet delivered, so at most `window` results wait in memory however many jobs there are.
public enum SweepExecutor {
    /// - Parameters:
    ///   - count: jobs `0 ..< count` (positions in the caller's run list).
    ///   - threads: worker threads (≥ 1).
    ///   - window: the most jobs started ahead of the next one to deliver (default 4 × threads).
    ///   - stopFlag: once requested, no job starts; a job that reports `stopped` ends delivery there.
    ///   - work: runs job i (on a worker thread).
    ///   - isStopped: whether a result was cut short (it is then not delivered).
    ///   - deliver: receives job i's result, in order, serialized.
    /// - Returns: the number of jobs delivered (a prefix of the list).
    /// - Throws: the first error of `work` or `deliver` in job order; delivery stops there.
    public static func run<Result: Sendable>(
        count: Int, threads: Int, window: Int? = nil, stopFlag: StopFlag?,
        work: @Sendable (Int) throws -> Result,
        isStopped: @Sendable (Result) -> Bool = { _ in false },
        deliver: (Int, Result) throws -> Void
    ) throws -> Int {
        let window = max(1, window ?? 4 * max(threads, 1))
        let state = State<Result>()
        withoutActuallyEscaping(deliver) { deliver in
            let box = DeliverBox(deliver)
            DispatchQueue.concurrentPerform(iterations: max(1, min(threads, count))) { _ in
                while true {
                    state.condition.lock()
                    while !state.finished && state.next < count && state.next >= state.delivered + window {
                        state.condition.wait()
                    }
                    if state.finished || state.next >= count || (stopFlag?.isRequested ?? false) {
                        state.condition.unlock()
                        return
                    }
                    let i = state.next
                    state.next += 1
                    state.condition.unlock()
                    let result = Swift.Result { try work(i) }
                    state.condition.lock()
                    state.pending[i] = result
                    // Deliver everything now in order (under the lock: delivery is serialized).
                    while !state.finished, let ready = state.pending.removeValue(forKey: state.delivered) {
                        switch ready {
                        case .failure(let error):
                            state.error = error
                            state.finished = true
                        case .success(let value):
                            if isStopped(value) {
                                state.finished = true
                            } else {
                                do {
                                    try box.deliver(state.delivered, value)
                                    state.delivered += 1
                                } catch {
                                    state.error = error
                                    state.finished = true
                                }
                            }
                        }
                    }
                    state.condition.broadcast()
                    state.condition.unlock()
                }
            }
        }
        if let error = state.error { throw error }
        return state.delivered
    }

    private final class State<Result>: @unchecked Sendable {
        let condition = NSCondition()
        var next = 0
        var delivered = 0
        var finished = false
        var error: (any Error)?
        var pending: [Int: Swift.Result<Result, any Error>] = [:]
    }

    private final class DeliverBox<Result>: @unchecked Sendable {
        let deliver: (Int, Result) throws -> Void
        init(_ deliver: @escaping (Int, Result) throws -> Void) { self.deliver = deliver }
    }
}
