internal import GuichetStorage

/// The checks shared by the storage contracts: each throws a ``ContractFailure`` naming the broken expectation,
/// the contract file and the line, so that the contracts need not import Testing.
enum ContractChecks {
    static func check(
        _ condition: Bool, _ expectation: @autoclosure () -> String, file: String = #fileID, line: Int = #line
    ) throws {
        guard condition else { throw ContractFailure(expectation: expectation(), file: file, line: line) }
    }

    static func unwrap<T>(
        _ value: T?, _ expectation: @autoclosure () -> String, file: String = #fileID, line: Int = #line
    ) throws -> T {
        guard let value else { throw ContractFailure(expectation: expectation(), file: file, line: line) }
        return value
    }
}
