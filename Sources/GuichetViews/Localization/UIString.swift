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
    case deskMembers, deskAudit, deskLogout, deskLogoutEverywhere, deskLoginTitle, deskNoOrganisation
    case deskOrganisation, deskEmail, deskPassword, deskLoginButton, deskLoginHint, deskSecondFactorTitle
    case deskSecondFactorLabel, deskSecondFactorHint, deskVerifyButton, deskInvitationTitle, deskInvitationIntro
    case deskSecondFactorSetup, deskSecondFactorSetupText, deskNewPassword, deskPasswordHint, deskChoosePassword
    case deskRemindersHeading, deskNoDeadlines, deskDeadlinesCaption, deskDue, deskDaysLeftHeading, deskCaseNumber
    case deskDeadline, deskAssignee, deskOverdue, deskDueToday, deskDaysLeft, deskNoCases, deskCasesCaption
    case deskSelect, deskSelectCase, deskStatus, deskMandateUntil, deskMandateRevoked, deskStatusOpen
    case deskStatusWaiting, deskStatusFiled, deskStatusClosed, deskRoleAdmin, deskRoleJuriste, deskRoleBenevole
    case deskMandateFirst, deskMandateLegend, deskMandateFrom, deskMandateDays, deskMandateDaysHint
    case deskConsentGiven, deskPersonLegend, deskPersonName, deskBirthDate, deskBirthPlace, deskNationality
    case deskAddress, deskPhone, deskLanguages, deskLanguagesHint, deskProcedureLegend, deskProcedure
    case deskCreateCase, deskCaseTitle, deskConflict, deskReadOnly, deskMandate, deskMandateRange, deskMandatePDF
    case deskHandedOver, deskJournal, deskNoAttempts, deskJournalCaption, deskChannel, deskOutcome, deskCapture
    case deskCaptureHint, deskAddAttempt, deskAttemptWhen, deskAddAttemptButton, deskDeadlines, deskNoCaseDeadlines
    case deskDeadlineFrom, deskAddDeadline, deskNotificationDate, deskNoDocuments, deskNotes, deskNoNotes
    case deskAddNote, deskSaveNote, deskCaseSettings, deskSave, deskExport, deskDelete, deskRevokeText, deskRevoke
    case deskDeleteTitle, deskDeleteText, deskDeleteConfirm, deskInvitationMade, deskMembersCaption, deskRole
    case deskChange, deskDisable, deskInvite, deskInviteButton, deskRetention, deskRetentionMonths
    case deskRetentionHint, deskAuditIntact, deskAuditBroken, deskAuditCaption, deskActor, deskAction
    case deskCalendarIntro, deskCalendarLinkMade, deskCalendarActive, deskCalendarRenew, deskCalendarRevoke
    case deskFilingIntro, deskFilingShow, deskFilingNone, deskFilingCaption, deskFilingBundle, deskImportIntro
    case deskImportButton, deskPermitExpiry, deskPermitExpiryHint, deskCircumstances, deskCircumstancesHint
    case deskDashboardScope, deskDashboardTruncated, deskVerdictHeading, deskDocumentsHeading, deskEditPerson
    // Guides (Catalog+Guides.swift).
    case navGuides, guidesTitle, guidesIntro, situationWant, situationReceived, situationBlocked
    case guideFalcHeading, guideFalcFallback, guideWho, guidePlatform, guideNoPlatform, guideDeadlinesHeading
    case guideDeadlinesHint, guideDocumentsHeading, guideDocumentsInFrench, guideDocumentStart, guideCourtHeading, guideCourtForDepartment
    case guideParcoursLink, guideCheckedOn, guideUnverifiedHeading, guideUnverifiedText, guideDetailInFrench, guideSeeAlso
    case searchGuidesHeading, translationDraftNote, docExplainRefereMesuresUtiles, docExplainLettrePrefecture, docExplainSaisineDefenseurDesDroits, docExplainRecoursPrealable
    case docExplainLettreEmployeurMoe, docExplainReclamationCaf, docExplainRefereAnefBloque, sourceCheckedOn, guideDepartmentHint
    case guideLocalHeading, guideLocalSources, guideLocalMap, guideReadFull
    // Observatory (Catalog+Observatory.swift).
    case navObservatory, obsTitle, obsIntro, obsProcedureLabel, obsShow, obsMapLabel
    case obsReachAlternative, obsReachOnline, obsReachUnknown, obsTableCaption, obsDepartment
    case obsChannel, obsAlternative, obsAsOf, obsSources, obsNationalRule, obsOverseas
    case obsDepartmentTitle, obsPrefecture, obsSubPrefectures, obsProceduresCaption, obsDecisions, obsNoDecisions
    case obsNationalDecisions, obsOutcome, obsYes, obsNo, obsUnknown, obsCheckedOn
    case obsOpenData, obsAllDepartments
    // People's reports to the observatory (Catalog+Reports.swift).
    case reportHeading, reportIntro, reportThanks, reportDepartment, reportProcedure, reportChannel, reportOutcome
    case reportWeek, reportWeekOf, reportSubmit, reportChannelAnef, reportChannelAppointment, reportChannelEmail
    case reportChannelPost, reportChannelCounter, reportChannelForms, reportChannelUnknown, reportOutcomeNoSlot
    case reportOutcomeSiteDown, reportOutcomeFileStuck, reportOutcomeObtained, reportErrorDepartment, reportErrorChoice
    case reportErrorFutureWeek, reportErrorOldWeek, reportErrorAlready, reportErrorTooMany, reportErrorUnavailable
    case reportFiguresHeading, reportFiguresIntro, reportTooFew, reportOthersTooFew, reportChartLabel, reportTableCaption
    case reportCount, reportOtherProcedures, reportFiguresLink, reportPageTitle, reportHowTo
    // Platform status (Catalog+PlatformStatus.swift).
    case platTitle, platIntro, platProbingOffNote, platCurrent, platCurrentCaption, platColPlatform, platColLastProbe
    case platColResult, platColDuration, platNeverProbed, platProbingOff, platUnverified, platMilliseconds, platUp, platDown
    case platRobots, platErrTimeout, platErrRefused, platErrDNS, platErrTLS, platErrReset, platErrInvalid, platErrOther
    case platOngoing, platParisTimes, platHistory, platDefinition, platNoIncident, platIncidentFrom, platIncidentSince
    case platEvidence, platCertificateTitle, platCertificateIntro, platFrom, platTo, platCertificateSubmit
    case platCertificateRefused, platBack, platRulesTitle, platRules, obsPlatformsLink
}
