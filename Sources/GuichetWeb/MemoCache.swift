internal import Synchronization

/// Values computed once per key and kept for the life of the process, with single flight: while one
/// request computes a value, the others asking for the same key wait for it instead of computing it again.
///
/// For what changes only when the server re-indexes its content at start, like `PageCache`: search results
/// (keyed by the analysed query, never by the raw text, so that spellings of one query share an entry) and the
/// dossier's last update. A size cap bounds it: when full, it starts again empty.
final class MemoCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let entries = Mutex<[Key: Value]>([:])
    private let inFlight = Mutex<[Key: Task<Value, any Error>]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The number of values kept, for tests and metrics.
    var count: Int { entries.withLock { $0.count } }

    func value(_ key: Key, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let flight: Task<Value, any Error> = inFlight.withLock { flights in
            if let running = flights[key] { return running }
            let task = Task<Value, any Error> {
                defer { _ = self.inFlight.withLock { $0.removeValue(forKey: key) } }
                let value = try await compute()
                self.entries.withLock { entries in
                    if entries.count >= self.capacity { entries.removeAll(keepingCapacity: true) }
                    entries[key] = value
                }
                return value
            }
            flights[key] = task
            return task
        }
        return try await flight.value
    }
}
