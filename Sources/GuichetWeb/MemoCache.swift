internal import Synchronization

/// Values computed once per key and kept for the life of the process, with single flight: while one
/// request computes a value, the others asking for the same key wait for it instead of computing it again.
///
/// For what changes only when the server re-indexes its content at start: rendered pages (`PageCache`), search
/// results (keyed by the analysed query, never by the raw text, so that spellings of one query share an entry)
/// and the dossier's last update. A size cap bounds it: when full, it starts again empty. A failure or an absent
/// value is not kept.
final class MemoCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let entries = Mutex<[Key: Value]>([:])
    private let inFlight = Mutex<[Key: Task<Value?, any Error>]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The number of values kept, for tests and metrics.
    var count: Int { entries.withLock { $0.count } }

    /// The value kept for `key`, without computing it.
    func cached(_ key: Key) -> Value? {
        entries.withLock { $0[key] }
    }

    /// The value for `key`, computed once.
    func value(_ key: Key, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let value = try await valueUnlessAbsent(key, compute: { try await compute() }) { return value }
        // Not reached: `compute` never gives nil, so neither does the flight.
        return try await compute()
    }

    /// The value for `key`, computed once; when `compute` gives nil (a page that does not exist), nothing is
    /// kept and nil is returned.
    func valueUnlessAbsent(_ key: Key, compute: @escaping @Sendable () async throws -> Value?) async throws -> Value? {
        if let hit = cached(key) { return hit }
        let flight: Task<Value?, any Error> = inFlight.withLock { flights in
            if let running = flights[key] { return running }
            let task = Task<Value?, any Error> {
                defer { _ = self.inFlight.withLock { $0.removeValue(forKey: key) } }
                // Another flight may have kept it between the look-up above and this one.
                if let hit = self.cached(key) { return hit }
                guard let value = try await compute() else { return nil }
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
