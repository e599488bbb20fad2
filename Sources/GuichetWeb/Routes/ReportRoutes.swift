internal import GuichetCore
internal import GuichetServices
internal import GuichetViews
internal import HTTPTypes

/// What the self-help path and the help desk share about people's reports: the values a refused form gives back, the
/// status and the message of each refusal (in the reader's language through the catalog).
enum ReportRoutes {
    /// The values sent, given back in the form so that nothing chosen is lost; `department` when the form cannot
    /// change it (a help-desk case).
    static func draft(_ form: FormFields, department: String? = nil) -> Observatory.ReportDraft {
        Observatory.ReportDraft(
            department: department ?? form[ReportPages.Field.department],
            procedure: form[ReportPages.Field.procedure].flatMap(Observatory.Procedure.init(rawValue:)),
            channel: form[ReportPages.Field.channel].flatMap(Observatory.Channel.init(rawValue:)),
            outcome: form[ReportPages.Field.outcome].flatMap(Observatory.Outcome.init(rawValue:)),
            week: form[ReportPages.Field.week].flatMap { ReportWeek($0) })
    }

    /// 429 for a flood, 503 when the database is away, 422 for the rest.
    static func status(_ refusal: ReportRefusal) -> HTTPResponse.Status {
        switch refusal {
        case .tooMany: .tooManyRequests
        case .unavailable: .serviceUnavailable
        default: .unprocessableContent
        }
    }

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
