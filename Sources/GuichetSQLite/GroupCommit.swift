internal import GRDB
internal import Synchronization
internal import Dispatch
internal import CoreMetrics

/// The writes of one database, committed in groups: the writes that arrive while the writer is busy wait together,
/// then run one after the other in one transaction, each in a savepoint of its own, and share its commit — one
/// `fsync` of the WAL for all of them (SQLite's `synchronous = FULL`) instead of one each.
///
/// Measured (docs/benchmarks.md): under the soak, the single writer spent most of its time in the commit's
/// `fsync` (8 ms at the median on this machine's disk, 40 ms at p99), one per saved answer, upload, touch and rate
/// limit hit, and the self-help POSTs queued behind each other's syncs. Durability is unchanged: a write's caller
/// resumes only after the commit that holds it has returned, synced; a write that throws is rolled back to its
/// savepoint alone and its caller gets its error, the others commit; when the commit itself fails, every write of
/// the group gets that error and none is acknowledged.
final class GroupCommit: Sendable {
    private let writer: any DatabaseWriter
    private let waits: CoreMetrics.Timer
    /// At most this many writes share a commit (a long queue is committed in several groups, in order).
    static let maximumGroup = 64

    private struct State {
        var pending: [any PendingWrite] = []
        var isCommitting = false
    }
    private let state = Mutex(State())
    private let groups = Atomic<Int>(0)

    /// The writes waiting for the next group, for tests.
    var waitingCount: Int { state.withLock { $0.pending.count } }
    /// The groups committed (or failed) so far, for tests.
    var committedGroups: Int { groups.load(ordering: .relaxed) }

    init(writer: any DatabaseWriter, waits: CoreMetrics.Timer) {
        self.writer = writer
        self.waits = waits
    }

    /// Runs `body` in the next group and returns its value once that group is committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let write = Write(body: body, continuation: continuation, asked: DispatchTime.now().uptimeNanoseconds)
            let startsGroup = state.withLock { state in
                state.pending.append(write)
                guard !state.isCommitting else { return false }
                state.isCommitting = true
                return true
            }
            if startsGroup { Task { await self.commitPending() } }
        }
    }

    /// Commits groups until none is waiting.
    private func commitPending() async {
        while true {
            let group: [any PendingWrite] = state.withLock { state in
                guard !state.pending.isEmpty else {
                    state.isCommitting = false
                    return []
                }
                let group = Array(state.pending.prefix(Self.maximumGroup))
                state.pending.removeFirst(group.count)
                return group
            }
            guard !group.isEmpty else { return }
            let waits = self.waits
            do {
                try await writer.write { db in
                    let started = DispatchTime.now().uptimeNanoseconds
                    for write in group {
                        waits.recordNanoseconds(Int64(started - min(started, write.asked)))
                        write.run(db)
                    }
                }
                groups.add(1, ordering: .relaxed)
                for write in group { write.finish(commitError: nil) }
            } catch {
                groups.add(1, ordering: .relaxed)
                for write in group { write.finish(commitError: error) }
            }
        }
    }
}

/// One write waiting for its group, whatever its result type.
private protocol PendingWrite: AnyObject, Sendable {
    var asked: UInt64 { get }
    /// Runs the write in a savepoint of the group's transaction, keeping its value or its error.
    func run(_ db: Database)
    /// Resumes the caller once the group's transaction has ended.
    func finish(commitError: (any Error)?)
}

/// `result` is written by `run` on the writer's thread, inside the group's transaction, and read by `finish` after
/// that transaction has returned: the two never overlap.
private final class Write<T: Sendable>: PendingWrite, @unchecked Sendable {
    let body: @Sendable (Database) throws -> T
    let continuation: CheckedContinuation<T, any Error>
    let asked: UInt64
    private var result: Result<T, any Error>?

    init(body: @escaping @Sendable (Database) throws -> T, continuation: CheckedContinuation<T, any Error>, asked: UInt64) {
        self.body = body
        self.continuation = continuation
        self.asked = asked
    }

    func run(_ db: Database) {
        var value: T?
        do {
            try db.inSavepoint {
                value = try body(db)
                return .commit
            }
            if let value { result = .success(value) } else { result = .failure(CancellationError()) }
        } catch {
            result = .failure(error)
        }
    }

    func finish(commitError: (any Error)?) {
        if let commitError {
            continuation.resume(throwing: commitError)
        } else {
            continuation.resume(with: result ?? .failure(CancellationError()))
        }
    }
}
