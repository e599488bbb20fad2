import Testing

@testable import GuichetCore

/// U+00A0 and U+202F, short enough to write expectations with.
private let nb = "\u{00A0}"
private let nn = "\u{202F}"

/// One input, the exact text it must become, and the rule it shows.
struct TypographyCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: String
    let description: String

    init(_ input: String, _ expected: String, _ description: String) {
        self.input = input
        self.expected = expected
        self.description = description
    }

    var testDescription: String { description }
}

@Suite("French typography")
struct FrenchTypographyTests {
    static let cases: [TypographyCase] = [
        // Nothing to do.
        .init("", "", "the empty string"),
        .init("préfecture", "préfecture", "one word"),
        .init("Bonjour à tous.", "Bonjour à tous.", "ordinary spaces between words stay"),
        .init(
            "Ayşe Yılmaz-Nguyễn Thị Đặng", "Ayşe Yılmaz-Nguyễn Thị Đặng", "names with diacritics are untouched"),
        .init("N'Golo Kanté", "N'Golo Kanté", "a name with an apostrophe is untouched"),
        .init("Ngô Bảo Châu, Zoë Saldaña", "Ngô Bảo Châu, Zoë Saldaña", "a comma and a space stay"),
        .init("  deux espaces  ", "  deux espaces  ", "leading and trailing spaces stay"),
        .init("مرحبا بكم", "مرحبا بكم", "Arabic text without marks is untouched"),

        // Guillemets.
        .init("« mesures utiles »", "«\(nn)mesures utiles\(nn)»", "spaces inside guillemets become narrow no-break"),
        .init("«mot»", "«\(nn)mot\(nn)»", "missing spaces inside guillemets are inserted"),
        .init("«   mot   »", "«\(nn)mot\(nn)»", "several spaces inside guillemets become one"),
        .init("«\(nb)mot\(nb)»", "«\(nb)mot\(nb)»", "existing no-break spaces are kept as they are"),
        .init("«\(nb) mot »", "«\(nb)mot\(nn)»", "a run mixing a no-break space and a space keeps the no-break one"),
        .init("«»", "«»", "empty guillemets stay"),
        .init("« »", "«\(nn)»", "guillemets around a space"),
        .init(
            "le référé « mesures utiles », puis", "le référé «\(nn)mesures utiles\(nn)», puis",
            "guillemets in a sentence"),
        .init("«\nmot\n»", "«\nmot\n»", "line breaks inside guillemets stay"),

        // ; ! ? :
        .init("Pourquoi ?", "Pourquoi\(nn)?", "a space before ? becomes narrow no-break"),
        .init("Attention !", "Attention\(nn)!", "a space before !"),
        .init("d'abord ; ensuite", "d'abord\(nn); ensuite", "a space before ;"),
        .init("Date limite : jeudi", "Date limite\(nb): jeudi", "a space before : becomes a full no-break space"),
        .init("Pourquoi?", "Pourquoi\(nn)?", "a missing space before ? at the end is inserted"),
        .init("Note: voir", "Note\(nb): voir", "a missing space before : after a letter is inserted"),
        .init("Quoi?! Non!", "Quoi\(nn)?! Non\(nn)!", "?! takes one space, before the first mark"),
        .init("Pourquoi  ?", "Pourquoi\(nn)?", "several spaces before ? become one"),
        .init("« Vraiment? »", "«\(nn)Vraiment\(nn)?\(nn)»", "? inside guillemets"),
        .init("«mot»?", "«\(nn)mot\(nn)»\(nn)?", "? after a closing guillemet"),
        .init("« mot » ?", "«\(nn)mot\(nn)»\(nn)?", "space before ? after a closing guillemet"),
        .init("Déjà vu?)", "Déjà vu\(nn)?)", "? before a closing parenthesis"),
        .init("a?b", "a?b", "? inside a word stays"),
        .init("?q=préfecture", "?q=préfecture", "a query string stays"),
        .init("/recherche?q=délai", "/recherche?q=délai", "a path with a query stays"),
        .init("à 10:30", "à 10:30", "a time with a colon stays"),
        .init("2026?", "2026?", "no space is inserted after a digit"),
        .init("c'est ça ?q", "c'est ça ?q", "a ? followed by a letter is no French mark"),
        .init(" ?", " ?", "a space at the start stays"),
        .init("Étape 1 :\nsuite", "Étape 1\(nb):\nsuite", "a space before : at the end of a line"),
        .init("Étape :", "Étape\(nb):", "a space before : at the end"),
        .init("Étape:", "Étape\(nb):", "a missing space before : at the end"),
        .init("Nguyễn?", "Nguyễn\(nn)?", "after a letter with a diacritic"),
        .init("AT&T &amp; &nbsp; fin;", "AT&T &amp; &nbsp; fin\(nn);", "an HTML entity written as text keeps its ;"),
        .init("Ne\u{0301}?", "Ne\u{0301}\(nn)?", "after a decomposed accent"),

        // n°
        .init("n° 3", "n°\(nb)3", "n° and a number"),
        .init("N° 12", "N°\(nb)12", "N° and a number"),
        .init("n°3", "n°\(nb)3", "a missing space after n° is inserted"),
        .init("nº 3", "nº\(nb)3", "the masculine ordinal sign is read as a degree sign"),
        .init("dossier n° 2201234", "dossier n°\(nb)2201234", "a case number keeps its digits together"),
        .init("Pièce n°\(nb)2", "Pièce n°\(nb)2", "an existing no-break space after n° is kept"),
        .init("20° 3", "20° 3", "a temperature is no n°"),
        .init("un° 3", "un° 3", "n° must be a word of its own"),
        .init("n° dossier", "n° dossier", "n° before a word stays"),

        // Dates.
        .init("5 octobre 2026", "5\(nb)octobre\(nb)2026", "a day, a month and a year"),
        .init("1er mars 2021", "1er\(nb)mars\(nb)2021", "1er, a month and a year"),
        .init("le 31 DÉCEMBRE 2020", "le 31\(nb)DÉCEMBRE\(nb)2020", "month names in capitals"),
        .init("Le 14 Juillet", "Le 14\(nb)Juillet", "a capitalised month"),
        .init("en août 2026.", "en août\(nb)2026.", "a month and a year"),
        .init("le 3 aout", "le 3\(nb)aout", "a month name without its accent"),
        .init("février 2021,", "février\(nb)2021,", "a year before a comma"),
        .init("jeudi 4 mars 2021", "jeudi 4\(nb)mars\(nb)2021", "the weekday keeps an ordinary space"),
        .init("5 marsupiaux", "5 marsupiaux", "a word starting like a month is no month"),
        .init("32 mars", "32 mars", "32 is no day"),
        .init("105 mai", "105 mai", "three digits are no day"),
        .init("mars 20261", "mars 20261", "five digits are no year"),
        .init("mai 26", "mai 26", "two digits are no year"),
        .init("Mars 2026", "Mars\(nb)2026", "a capitalised month and a year"),

        // Times.
        .init("8 h 59", "8\(nb)h\(nb)59", "hours and minutes"),
        .init("à 14 h.", "à 14\(nb)h.", "hours alone"),
        .init("8 h 05", "8\(nb)h\(nb)05", "minutes with a leading zero"),
        .init("de 8 h à 10 h", "de 8\(nb)h à 10\(nb)h", "a range of hours"),
        .init("le 5 octobre 2026 à 8 h 59", "le 5\(nb)octobre\(nb)2026 à 8\(nb)h\(nb)59", "a date and a time"),
        .init("8 heures", "8 heures", "h must be a word of its own"),
        .init("8 h 059", "8\(nb)h 059", "three digits are no minutes"),
        .init("8h59", "8h59", "a time written without spaces stays"),
        .init("2026 h", "2026 h", "four digits are no hour"),

        // Numbers.
        .init("10 000 personnes", "10\(nn)000 personnes", "thousands already apart"),
        .init("1 200 000 €", "1\(nn)200\(nn)000\(nb)€", "millions and a currency"),
        .init("1 200,50 €", "1\(nn)200,50\(nb)€", "a decimal comma after the group"),
        .init("100 €", "100\(nb)€", "an amount in euros"),
        .init("35 %", "35\(nb)%", "a percentage"),
        .init("3,5 %", "3,5\(nb)%", "a decimal percentage"),
        .init("93200 Saint-Denis", "93200 Saint-Denis", "a postcode stays"),
        .init("en 2026", "en 2026", "a year stays"),
        .init("2201234", "2201234", "an undivided number stays undivided"),
        .init("en 2021 100 personnes", "en 2021 100 personnes", "four digits then three are two numbers"),
        .init("10 0000", "10 0000", "four digits are no thousands group"),
        .init("01 23 45 67 89", "01 23 45 67 89", "a phone number stays"),
        .init("art. L5 100", "art. L5 100", "digits glued to a letter are no number"),
        .init("n° 1A 000 000 0002 6", "n°\(nb)1A 000 000 0002 6", "a registered letter's number is a code"),
        .init("01 234 567 89", "01 234 567 89", "groups that are not all thousands are a code"),
        .init("1 234 567 890 €", "1\(nn)234\(nn)567\(nn)890\(nb)€", "billions"),
        .init("1234 567", "1234 567", "a first group of four digits is no thousands"),
        .init("le 1 200 000e jour", "le 1\(nn)200\(nn)000e jour", "an ordinal of thousands"),

        // Titles.
        .init("M. Dupont", "M.\(nb)Dupont", "M. and a name"),
        .init("Mme Diallo", "Mme\(nb)Diallo", "Mme and a name"),
        .init("MM. Martin et Petit", "MM.\(nb)Martin et Petit", "MM. and names"),
        .init("Mlle Kanté, Mmes Ba", "Mlle\(nb)Kanté, Mmes\(nb)Ba", "Mlle and Mmes"),
        .init("M. le préfet", "M.\(nb)le préfet", "M. before a lowercase word"),
        .init("Me Diallo, avocate", "Me\(nb)Diallo, avocate", "Me (maître) before a name"),
        .init("Me voici", "Me voici", "Me before a lowercase word is a pronoun"),
        .init("FORM. X", "FORM. X", "M. inside a word is no title"),
        .init("Emme Diallo", "Emme Diallo", "Mme inside a word is no title"),
        .init("J.-M. Dupont", "J.-M.\(nb)Dupont", "a composed initial"),
        .init("Mme Ayşe Yılmaz", "Mme\(nb)Ayşe Yılmaz", "a title before a name with diacritics"),

        // URLs and e-mail addresses.
        .init(
            "https://www.service-public.fr/?q=titre:séjour", "https://www.service-public.fr/?q=titre:séjour", "a URL"),
        .init("http://x", "http://x", "a bare URL"),
        .init("voir https://exemple.fr/a?b! ou", "voir https://exemple.fr/a?b! ou", "marks inside a URL stay"),
        .init("Site : https://exemple.fr/page?", "Site\(nb): https://exemple.fr/page?", "the colon before a URL"),
        .init("« https://exemple.fr »", "«\(nn)https://exemple.fr\(nn)»", "guillemets around a URL"),
        .init("«https://exemple.fr»", "«https://exemple.fr»", "guillemets glued to a URL are part of it"),
        .init("https://exemple.fr/5 octobre", "https://exemple.fr/5 octobre", "no rule reads inside a URL"),
        .init("Écrire à contact@exemple.fr?", "Écrire à contact@exemple.fr?", "an e-mail address"),
        .init("contact@exemple.fr : écrire", "contact@exemple.fr\(nb): écrire", "the colon after an e-mail address"),
        .init("www.exemple.fr!", "www.exemple.fr!", "www. makes a URL"),
        .init("ftp://a.fr:21", "ftp://a.fr:21", "any scheme"),
        .init("mailto:a@b.fr", "mailto:a@b.fr", "a mailto link"),

        // Other scripts and spaces.
        .init("😀?", "😀?", "no space is inserted after an emoji"),
        .init("«😀»", "«\(nn)😀\(nn)»", "guillemets around an emoji"),
        .init("mot 😀 ?", "mot 😀\(nn)?", "a space before ? after an emoji"),
        .init("«\u{2009}mot\u{2009}»", "«\u{2009}mot\u{2009}»", "a thin space (breakable, not ordinary) stays"),
        .init("100\u{2007} €", "100\u{2007}€", "a run holding a figure space keeps it"),
        .init("Pourquoi\(nn)?", "Pourquoi\(nn)?", "an existing narrow no-break space stays"),
        .init("voir\(nb)https://a.fr?", "voir\(nb)https://a.fr?", "a URL after a no-break space"),
        .init("FÉVRIER 2021, AOÛT 2026", "FÉVRIER\(nb)2021, AOÛT\(nb)2026", "accented capitals in month names"),
        .init("Me Élodie Œuvrard", "Me\(nb)Élodie Œuvrard", "Me before an accented capital"),
        .init("il a dit : « oui ».", "il a dit\(nb): «\(nn)oui\(nn)».", "a colon before guillemets"),

        // Sentences.
        .init(
            "Date limite : jeudi 4 mars 2021 à 23 h 59.",
            "Date limite\(nb): jeudi 4\(nb)mars\(nb)2021 à 23\(nb)h\(nb)59.", "a deadline sentence"),
        .init(
            "Source : art. R.421-1 du code de justice administrative ; art. 642 du CPC (vérifiée, le 26 novembre 2026)",
            "Source\(nb): art. R.421-1 du code de justice administrative\(nn); art. 642 du CPC (vérifiée, le 26\(nb)novembre\(nb)2026)",
            "a source citation"),
        .init(
            "Pièce n° 3 — Capture du 5 octobre 2026 : « aucun créneau ». Coût : 0 € !",
            "Pièce n°\(nb)3 — Capture du 5\(nb)octobre\(nb)2026\(nb): «\(nn)aucun créneau\(nn)». Coût\(nb): 0\(nb)€\(nn)!",
            "several rules in one sentence"),
    ]

    @Test("French typography", arguments: cases)
    func rule(_ row: TypographyCase) {
        #expect(FrenchTypography.apply(row.input) == row.expected)
    }

    @Test("applying twice gives the same text", arguments: cases)
    func idempotent(_ row: TypographyCase) {
        let once = FrenchTypography.apply(row.input)
        #expect(FrenchTypography.apply(once) == once)
    }

    @Test("only spaces change: letters, digits and punctuation stay, in order", arguments: cases)
    func onlySpaces(_ row: TypographyCase) {
        func visible(_ text: String) -> [Unicode.Scalar] { text.unicodeScalars.filter { !$0.properties.isWhitespace } }
        let output = FrenchTypography.apply(row.input)
        #expect(visible(output) == visible(row.input))
        let added = output.unicodeScalars.filter { $0.value == 0xA0 || $0.value == 0x202F }.count
        let before = row.input.unicodeScalars.filter { $0.value == 0xA0 || $0.value == 0x202F }.count
        #expect(added >= before)
    }

    @Test("text without any trigger comes back unchanged")
    func fastPath() {
        for text in ["", "mot", "Saint-Denis", "93200", "l’Église", "a,b.c"] {
            #expect(!FrenchTypography.mayNeedWork(text) || FrenchTypography.apply(text) == text)
        }
        #expect(!FrenchTypography.mayNeedWork("Saint-Denis"))
        #expect(FrenchTypography.mayNeedWork("a b"))
        #expect(FrenchTypography.mayNeedWork("«"))
    }

    @Test("runs are read as one text and come back as the same runs")
    func runs() {
        #expect(FrenchTypography.apply(runs: []) == [])
        #expect(FrenchTypography.apply(runs: ["le ", "5", " octobre 2026"]) == ["le ", "5", "\(nb)octobre\(nb)2026"])
        #expect(FrenchTypography.apply(runs: ["Attention", " !"]) == ["Attention", "\(nn)!"])
        #expect(FrenchTypography.apply(runs: ["Attention", "!"]) == ["Attention", "\(nn)!"])
        #expect(FrenchTypography.apply(runs: ["«", "mot", "»"]) == ["«\(nn)", "mot", "\(nn)»"])
        #expect(FrenchTypography.apply(runs: ["mot ", " ?"]) == ["mot\(nn)", "?"])
        #expect(FrenchTypography.apply(runs: ["", "a", ""]) == ["", "a", ""])
        #expect(FrenchTypography.apply(runs: ["https://a.fr", "?"]) == ["https://a.fr", "?"])
    }

    @Test("an opaque segment separates words and is never changed")
    func opaque() {
        let result = FrenchTypography.apply(segments: [.text("la commande "), .opaque, .text(" : lancer")])
        #expect(result == ["la commande ", "", "\(nb): lancer"])
        let quoted = FrenchTypography.apply(segments: [.text("«"), .opaque, .text("»")])
        #expect(quoted == ["«\(nn)", "", "\(nn)»"])
        #expect(FrenchTypography.apply(segments: [.text("mot"), .opaque, .text("?")]) == ["mot", "", "?"])
    }

    @Test("hostile input stays linear and never traps")
    func hostile() {
        for text in [
            String(repeating: "«", count: 20_000), String(repeating: "» ", count: 20_000),
            String(repeating: "a?", count: 20_000), String(repeating: "1 ", count: 20_000),
            String(repeating: "100 ", count: 20_000), String(repeating: "5 mars ", count: 10_000),
            String(repeating: "https://a.fr/«»?! ", count: 2_000), String(repeating: "n°", count: 10_000),
            String(repeating: " ", count: 20_000), "\u{FFFC}? «\u{FFFC}»", "°", "n°", "«", "»", ":", "1er",
        ] {
            let once = FrenchTypography.apply(text)
            #expect(FrenchTypography.apply(once) == once)
        }
    }
}
