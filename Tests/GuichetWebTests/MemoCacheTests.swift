import GuichetCore
import Synchronization
import Testing

@testable import GuichetWeb

@Suite("Memo cache (search results, last update)")
struct MemoCacheTests {
    final class Counter: Sendable {
        let calls = Mutex(0)
        func next() -> Int { calls.withLock { $0 += 1; return $0 } }
    }

    @Test("a value is computed once, even by 50 concurrent requests for the same key")
    func singleFlight() async throws {
        let cache = MemoCache<String, Int>(capacity: 16)
        let counter = Counter()
        let values = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await cache.value("q") {
                        try await Task.sleep(for: .milliseconds(20))
                        return counter.next()
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(values.count == 50 && Set(values) == [1])
        #expect(counter.calls.withLock { $0 } == 1)
        #expect(try await cache.value("autre") { counter.next() } == 2)
    }

    @Test("a failure is not kept; a full cache starts again empty")
    func failuresAndCapacity() async throws {
        struct Failure: Error {}
        let cache = MemoCache<Int, Int>(capacity: 3)
        await #expect(throws: Failure.self) { try await cache.value(1) { throw Failure() } }
        #expect(try await cache.value(1) { 10 } == 10)
        for key in 2...3 { _ = try await cache.value(key) { key } }
        #expect(cache.count == 3)
        _ = try await cache.value(4) { 4 }
        #expect(cache.count == 1)
    }

    @Test("two spellings of one search share a result key; other words or pages do not")
    func searchKeys() {
        func key(_ text: String, offset: Int = 0) -> SearchRoutes.ResultKey {
            SearchRoutes.ResultKey(words: SearchQuery(text).words, offset: offset, limit: 10)
        }
        #expect(key("PRÉFECTURE, le délai !") == key("préfecture délai"))
        #expect(key("préfecture délai") != key("délai préfecture"))
        #expect(key("préfecture") != key("préfecture", offset: 10))
    }
}
