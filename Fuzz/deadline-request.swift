// libFuzzer target `deadline-request`: the deadline form as submitted, then the computation.
//
// The input is split on `|` into rule, date, time, département and a flags field (`o` overseas, `a` abroad).
// Nothing may trap; the computation is a function of the request.

import GuichetCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let fields = text.split(separator: "|", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
    func field(_ index: Int) -> String? { index < fields.count ? fields[index] : nil }
    let flags = field(4) ?? ""
    let request: DeadlineRequest
    do {
        request = try DeadlineRequest.parse(
            rule: field(0) ?? "", date: field(1) ?? "", time: field(2), department: field(3),
            overseas: flags.contains("o"), abroad: flags.contains("a"))
    } catch {
        return 0
    }
    do {
        let result = try DeadlineEngine.compute(request)
        let again = try DeadlineEngine.compute(request)
        require(again == result, "the computation is not deterministic")
    } catch {
        // Out of the supported years, or a rule that needs what was not given: refused, not trapped.
    }
    return 0
}
