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
}
