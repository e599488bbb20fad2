// Compiled into every fuzz target by scripts/fuzz.
//
// `precondition` drops its message in -O builds; these keep it, so a crash log says which invariant broke.

/// Stops the process, printing `message`, when `condition` is false: a broken invariant is a crash for libFuzzer.
func require(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String = "invariant broken",
    file: StaticString = #fileID, line: UInt = #line
) {
    if !condition() { fail(message(), file: file, line: line) }
}

/// Stops the process, printing `message`.
func fail(_ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    fatalError("fuzz invariant: " + message(), file: file, line: line)
}
