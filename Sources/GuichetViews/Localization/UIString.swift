/// Every string of the interface, by key. Translations live in the catalog (`Catalog.swift`).
public enum UIString: String, CaseIterable, Sendable {
    case siteName, siteTagline, skipToContent, mainNavigation, navHome, navSections, navThemes, navSearch
    case navDeadlines, navAbout, languageLabel, languageChange
    case searchLabel, searchButton, searchTitle, searchResultsOne, searchResultsMany, searchNoResults
    case searchEmpty, searchIgnoredWords, searchTips
    case homeTitle, homeIntro, sectionsHeading, latestHeading, itemsCount, itemsCountOne, seeSection
    case updatedOn, publishedOn, sectionItemsHeading, noItems
    case paginationLabel, previousPage, nextPage, pageOf
    case itemKind, dateLabel, sourcesHeading, relatedHeading, tagsLabel, sectionsLabel, summaryLabel
    case themesTitle, themesIntro, tagTitle
    case feedSection, feedSite, feedsHeading
    case notFoundTitle, notFoundText, backHome, serverErrorTitle, serverErrorText
    case footerNotAdvice, footerPrivacy, contentInFrench
    case aboutTitle, aboutWhat, aboutPrivacy, aboutNotAdvice, aboutSource
    case kindCommunique, kindAnalyse, kindDecision, kindRapport, kindFormation, kindRassemblement, kindArticle
    case kindTexte
    case deadlinesTitle, deadlinesIntro, deadlinesWarning, ruleLabel, ruleHint, startDateLabel, startDateHint
    case startTimeLabel, startTimeHint, departmentLabel, departmentHint, departmentNone, distanceLegend, distanceNone
    case distanceOverseas, distanceAbroad, computeButton, resultHeading, stepsHeading, warningsHeading, sourceLabel
    case verifiedOn, unverifiedRule, thenHeading, downloadCalendar, courtLabel, addressToCheck, errorSummaryTitle
    case usefulDeadlines, computeThisDeadline, legalTextInFrench
    case errorRule, errorDate, errorTime, errorMissingTime, errorDepartment, errorDateRange, errorDistance
    // Self-help paths (Catalog+Parcours.swift).
    case navParcours, quickExit, parcoursListTitle, parcoursListIntro, parcoursStart, parcoursPrivacy, parcoursResume
    case parcoursHaveCode, parcoursWhatYouGet
    case codeTitle, codeIntro, codeLabel, codeCopyHint, codeBookmark, codeLost, codeContinue
    case continueButton, backButton, backToReview, questionOf, optionalMark, chooseDepartment, chooseOption
    case fileCurrent, fileHint, contentInFrenchNote
    case reviewTitle, reviewIntro, changeButton, changeLabel, removeEntry, confirmButton, stopHeading
    case resultTitle, verdictHeading, verdictInsuffisant, verdictRecevable, verdictSolide, verdictReasons, verdictAdvice
    case myDeadlinesHeading, documentsHeading, documentReady, documentMissing, completeAnswers, downloadFormat
    case changeAnswers, printHint, warningsResultHeading, downloadSplit, documentUnprintable
    case documentUnprintableTitle, documentUnprintableText
    case deleteLink, deleteTitle, deleteText, deleteConfirm, deleteCancel, deletedTitle, deletedText
    case resumeTitle, resumeIntro, resumeLabel, resumeHint, resumeButton, resumeMistyped, resumeWrongLength
    case resumeInvalidCharacter
    case privateNotFoundTitle, privateNotFoundText, tooManyTitle, tooManyText, expiredFormTitle, expiredFormText
    case busyText, tooLargeTitle, tooLargeText, startNew
    case interviewRequired, interviewUnknownChoice, interviewUnknownDepartment, interviewInvalidDate
    case interviewInvalidDateTime, interviewTooEarly, interviewTooLate, interviewTooLong, interviewInvalidFile
    case interviewTooFewEntries, interviewUnexpectedScreen, interviewCaptureDimensions, interviewCaptureTooLarge
    case interviewTooManyCaptures, interviewDateHint, interviewDateTimeHint
    // Help desk (Catalog+Bureau.swift).
    case deskTitle, deskNavigation, deskDashboard, deskCases, deskNewCase, deskFiling, deskImport, deskCalendar
    case deskMembers, deskAudit, deskLogout, deskLoginTitle, deskNoOrganisation, deskOrganisation, deskEmail
    case deskPassword, deskLoginButton, deskLoginHint, deskSecondFactorTitle, deskSecondFactorLabel
    case deskSecondFactorHint, deskVerifyButton, deskInvitationTitle, deskInvitationIntro, deskSecondFactorSetup
    case deskSecondFactorSetupText, deskNewPassword, deskPasswordHint, deskChoosePassword, deskRemindersHeading
    case deskNoDeadlines, deskDeadlinesCaption, deskDue, deskDaysLeftHeading, deskCaseNumber, deskDeadline
    case deskAssignee, deskOverdue, deskDueToday, deskDaysLeft, deskNoCases, deskCasesCaption, deskSelect
    case deskSelectCase, deskStatus, deskMandateUntil, deskMandateRevoked, deskStatusOpen, deskStatusWaiting
    case deskStatusFiled, deskStatusClosed, deskRoleAdmin, deskRoleJuriste, deskRoleBenevole, deskMandateFirst
    case deskMandateLegend, deskMandateFrom, deskMandateDays, deskMandateDaysHint, deskConsentGiven
    case deskPersonLegend, deskPersonName, deskBirthDate, deskBirthPlace, deskNationality, deskAddress, deskPhone
    case deskLanguages, deskLanguagesHint, deskProcedureLegend, deskProcedure, deskCreateCase, deskCaseTitle
    case deskConflict, deskReadOnly, deskMandate, deskMandateRange, deskMandatePDF, deskHandedOver, deskJournal
    case deskNoAttempts, deskJournalCaption, deskChannel, deskOutcome, deskCapture, deskCaptureHint, deskAddAttempt
    case deskAttemptWhen, deskAddAttemptButton, deskDeadlines, deskNoCaseDeadlines, deskDeadlineFrom
    case deskAddDeadline, deskNotificationDate, deskNoDocuments, deskNotes, deskNoNotes, deskAddNote, deskSaveNote
    case deskCaseSettings, deskSave, deskExport, deskDelete, deskRevokeText, deskRevoke, deskDeleteTitle
    case deskDeleteText, deskDeleteConfirm, deskInvitationMade, deskMembersCaption, deskRole, deskChange
    case deskDisable, deskInvite, deskInviteButton, deskRetention, deskRetentionMonths, deskRetentionHint
    case deskAuditIntact, deskAuditBroken, deskAuditCaption, deskActor, deskAction, deskCalendarIntro
    case deskCalendarLinkMade, deskCalendarActive, deskCalendarRenew, deskCalendarRevoke, deskFilingIntro
    case deskFilingShow, deskFilingNone, deskFilingCaption, deskFilingBundle, deskImportIntro, deskImportButton
    case deskPermitExpiry, deskPermitExpiryHint, deskCircumstances, deskCircumstancesHint, deskEditPerson
}
