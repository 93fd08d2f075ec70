#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Installs handlers that turn SIGINT and SIGTERM into `StopFlag.process.request()`.
///
/// A run then stops cleanly between two events and reports `StopReason.stopRequested`, so the
/// command can flush its output. A second signal is handled the same way (the flag stays set).
public enum StopSignals {
    /// Installs the handlers for SIGINT and SIGTERM and unblocks both signals on the calling thread
    /// (a parent process or test harness may have blocked them). The corresponding C functions are
    /// `sigaction` and `pthread_sigmask`.
    ///
    /// - Returns: `true` if both handlers were installed and the signals unblocked.
    @discardableResult
    public static func install() -> Bool {
        var action = sigaction()
        #if canImport(Darwin)
        action.__sigaction_u.__sa_handler = stopSignalHandler
        #else
        action.__sigaction_handler.sa_handler = stopSignalHandler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        let interrupt = sigaction(SIGINT, &action, nil)
        let terminate = sigaction(SIGTERM, &action, nil)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        let unblocked = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        return interrupt == 0 && terminate == 0 && unblocked == 0
    }
}

/// The C signal handler: only an atomic store, which is async-signal-safe.
private func stopSignalHandler(_ signal: Int32) {
    StopFlag.process.request()
}
