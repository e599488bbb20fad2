internal import GuichetServices
internal import GuichetViews

/// What the self-help path and the help desk share about people's reports: the message of each refusal, in the
/// reader's language through the catalog.
enum ReportRoutes {
    static func message(_ refusal: ReportRefusal) -> UIString {
        switch refusal {
        case .unknownDepartment: .reportErrorDepartment
        case .unknownProcedure, .unknownChannel, .unknownOutcome, .unreadableWeek: .reportErrorChoice
        case .futureWeek: .reportErrorFutureWeek
        case .weekTooOld: .reportErrorOldWeek
        case .alreadyCounted: .reportErrorAlready
        case .tooMany: .reportErrorTooMany
        case .unavailable: .reportErrorUnavailable
        }
    }
}
