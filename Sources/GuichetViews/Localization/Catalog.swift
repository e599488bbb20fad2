/// The string catalog: every interface string in French, English and Arabic.
///
/// `%1`, `%2` are placeholders filled by ``Localizer``. French is the reference; a test checks that
/// every key has all three languages and the same placeholders in each.
enum Catalog {
    struct Entry: Sendable {
        let fr: String
        let en: String
        let ar: String
    }

    static let entries: [UIString: Entry] = coreEntries.merging(parcoursEntries) { first, _ in first }.merging(deskEntries) { first, _ in first }
        .merging(guideEntries) { first, _ in first }
        .merging(observatoryEntries) { first, _ in first }
        .merging(reportEntries) { first, _ in first }
        .merging(platformStatusEntries) { first, _ in first }

    static let coreEntries: [UIString: Entry] = [
        .siteName: Entry(fr: "guichet", en: "guichet", ar: "guichet"),
        .siteTagline: Entry(
            fr: "Le guichet qui reste ouvert : vos droits face aux démarches en ligne",
            en: "The counter that stays open: your rights when procedures go online",
            ar: "الشبّاك الذي يبقى مفتوحًا: حقوقك أمام الإجراءات الإلكترونية"),
        .skipToContent: Entry(fr: "Aller au contenu", en: "Skip to content", ar: "الانتقال إلى المحتوى"),
        .mainNavigation: Entry(fr: "Navigation principale", en: "Main navigation", ar: "التصفح الرئيسي"),
        .navHome: Entry(fr: "Accueil", en: "Home", ar: "الرئيسية"),
        .navSections: Entry(fr: "Rubriques", en: "Sections", ar: "الأقسام"),
        .navThemes: Entry(fr: "Thèmes", en: "Topics", ar: "المواضيع"),
        .navSearch: Entry(fr: "Recherche", en: "Search", ar: "بحث"),
        .navDeadlines: Entry(fr: "Calcul des délais", en: "Deadline calculator", ar: "حساب الآجال"),
        .navAbout: Entry(fr: "À propos", en: "About", ar: "حول الموقع"),
        .languageLabel: Entry(fr: "Langue", en: "Language", ar: "اللغة"),
        .languageChange: Entry(fr: "Changer de langue", en: "Change language", ar: "تغيير اللغة"),
        .searchLabel: Entry(fr: "Rechercher dans le dossier", en: "Search the dossier", ar: "البحث في الملف"),
        .searchButton: Entry(fr: "Rechercher", en: "Search", ar: "ابحث"),
        .searchTitle: Entry(fr: "Recherche", en: "Search", ar: "بحث"),
        .searchResultsOne: Entry(fr: "1 résultat pour « %1 »", en: "1 result for “%1”", ar: "نتيجة واحدة لـ «%1»"),
        .searchResultsMany: Entry(fr: "%1 résultats pour « %2 »", en: "%1 results for “%2”", ar: "%1 نتيجة لـ «%2»"),
        .searchNoResults: Entry(
            fr: "Aucun résultat pour « %1 ». Essayez un autre mot, ou moins de mots.",
            en: "No results for “%1”. Try another word, or fewer words.",
            ar: "لا توجد نتائج لـ «%1». جرّب كلمة أخرى أو عددًا أقل من الكلمات."),
        .searchEmpty: Entry(
            fr: "Saisissez un ou plusieurs mots, par exemple : rendez-vous préfecture.",
            en: "Type one or more words, for example: rendez-vous préfecture.",
            ar: "اكتب كلمة أو أكثر، مثلًا: rendez-vous préfecture."),
        .searchIgnoredWords: Entry(
            fr: "Les petits mots comme « de », « la » ou « pour » sont ignorés.",
            en: "Short French words such as “de”, “la” or “pour” are ignored.",
            ar: "يتم تجاهل الكلمات الفرنسية القصيرة مثل «de» و«la» و«pour»."),
        .searchTips: Entry(
            fr: "Les accents et les majuscules ne comptent pas ; « titres » trouve aussi « titre ».",
            en: "Accents and capitals do not matter; “titres” also finds “titre”. The dossier is in French.",
            ar: "لا تهمّ الحركات ولا الأحرف الكبيرة؛ «titres» تجد أيضًا «titre». الملف مكتوب بالفرنسية."),
        .homeTitle: Entry(
            fr: "La dématérialisation des démarches des personnes étrangères",
            en: "Online-only procedures for foreign nationals in France",
            ar: "رقمنة إجراءات الأجانب في فرنسا"),
        .homeIntro: Entry(
            fr: "Titres de séjour, rendez-vous en préfecture, asile, visas, travail, prestations : ce dossier rassemble ce que dit le droit, les décisions de justice et les moyens d’agir quand une démarche en ligne bloque.",
            en: "Residence permits, prefecture appointments, asylum, visas, work, benefits: this dossier gathers what the law says, court decisions and ways to act when an online procedure is blocked. The dossier itself is in French.",
            ar: "بطاقات الإقامة، مواعيد المحافظة، اللجوء، التأشيرات، العمل، الإعانات: يجمع هذا الملف ما ينصّ عليه القانون وأحكام القضاء وسبل التحرك عندما يتعطّل إجراء إلكتروني. الملف مكتوب بالفرنسية."),
        .sectionsHeading: Entry(fr: "Les rubriques du dossier", en: "Sections of the dossier", ar: "أقسام الملف"),
        .latestHeading: Entry(fr: "Derniers ajouts", en: "Latest additions", ar: "آخر الإضافات"),
        .itemsCount: Entry(fr: "%1 éléments", en: "%1 entries", ar: "%1 عنصرًا"),
        .itemsCountOne: Entry(fr: "1 élément", en: "1 entry", ar: "عنصر واحد"),
        .seeSection: Entry(fr: "Voir la rubrique %1", en: "Open section %1", ar: "فتح القسم %1"),
        .updatedOn: Entry(fr: "Mis à jour le %1", en: "Updated on %1", ar: "آخر تحديث في %1"),
        .publishedOn: Entry(fr: "Daté du %1", en: "Dated %1", ar: "بتاريخ %1"),
        .sectionItemsHeading: Entry(fr: "Actualités, décisions et analyses", en: "News, decisions and analyses", ar: "أخبار وأحكام وتحليلات"),
        .noItems: Entry(fr: "Aucun élément pour le moment.", en: "No entries yet.", ar: "لا توجد عناصر حاليًا."),
        .paginationLabel: Entry(fr: "Pagination", en: "Pagination", ar: "ترقيم الصفحات"),
        .previousPage: Entry(fr: "Page précédente", en: "Previous page", ar: "الصفحة السابقة"),
        .nextPage: Entry(fr: "Page suivante", en: "Next page", ar: "الصفحة التالية"),
        .pageOf: Entry(fr: "Page %1 sur %2", en: "Page %1 of %2", ar: "الصفحة %1 من %2"),
        .itemKind: Entry(fr: "Type", en: "Type", ar: "النوع"),
        .dateLabel: Entry(fr: "Date", en: "Date", ar: "التاريخ"),
        .sourcesHeading: Entry(fr: "Sources", en: "Sources", ar: "المصادر"),
        .relatedHeading: Entry(fr: "Voir aussi", en: "See also", ar: "انظر أيضًا"),
        .tagsLabel: Entry(fr: "Thèmes", en: "Topics", ar: "المواضيع"),
        .sectionsLabel: Entry(fr: "Rubriques", en: "Sections", ar: "الأقسام"),
        .summaryLabel: Entry(fr: "En bref", en: "In brief", ar: "باختصار"),
        .themesTitle: Entry(fr: "Thèmes", en: "Topics", ar: "المواضيع"),
        .themesIntro: Entry(
            fr: "Chaque thème regroupe les éléments du dossier qui en parlent, toutes rubriques confondues.",
            en: "Each topic gathers the entries that deal with it, across all sections.",
            ar: "يجمع كل موضوع عناصر الملف التي تتناوله، في جميع الأقسام."),
        .tagTitle: Entry(fr: "Thème : %1", en: "Topic: %1", ar: "الموضوع: %1"),
        .feedSection: Entry(fr: "Flux Atom de cette rubrique", en: "Atom feed of this section", ar: "تغذية Atom لهذا القسم"),
        .feedSite: Entry(fr: "Flux Atom de tout le dossier", en: "Atom feed of the whole dossier", ar: "تغذية Atom للملف كاملًا"),
        .feedsHeading: Entry(fr: "Suivre les nouveautés", en: "Follow updates", ar: "متابعة المستجدات"),
        .notFoundTitle: Entry(fr: "Page introuvable", en: "Page not found", ar: "الصفحة غير موجودة"),
        .notFoundText: Entry(
            fr: "Cette adresse ne correspond à aucune page. Elle a peut-être été mal recopiée.",
            en: "This address matches no page. It may have been mistyped.",
            ar: "هذا العنوان لا يطابق أي صفحة. ربما نُسخ بشكل خاطئ."),
        .backHome: Entry(fr: "Retour à l’accueil", en: "Back to the home page", ar: "العودة إلى الصفحة الرئيسية"),
        .serverErrorTitle: Entry(fr: "Une erreur est survenue", en: "Something went wrong", ar: "حدث خطأ"),
        .serverErrorText: Entry(
            fr: "Le service n’a pas pu répondre. Rien de ce que vous aviez enregistré n’est perdu ; réessayez dans un instant.",
            en: "The service could not answer. Nothing you had saved is lost; please try again in a moment.",
            ar: "تعذّر على الخدمة الرد. لم يضِع شيء مما حفظته؛ أعد المحاولة بعد قليل."),
        .footerNotAdvice: Entry(
            fr: "Information juridique générale, pas un conseil personnalisé. Si un délai approche, contactez vite une association ou un avocat.",
            en: "General legal information, not personal advice. If a deadline is close, contact an association or a lawyer quickly.",
            ar: "معلومات قانونية عامة وليست استشارة شخصية. إذا اقترب أجل ما، اتصل بسرعة بجمعية أو بمحامٍ."),
        .footerPrivacy: Entry(
            fr: "Aucun traceur, aucun service tiers : ce site ne fait appel qu’à lui-même.",
            en: "No trackers, no third-party services: this site only loads from itself.",
            ar: "لا أدوات تتبّع ولا خدمات خارجية: هذا الموقع لا يحمّل إلا من نفسه."),
        .contentInFrench: Entry(
            fr: "Ce contenu est rédigé en français.", en: "This content is written in French.",
            ar: "هذا المحتوى مكتوب باللغة الفرنسية."),
        .aboutTitle: Entry(fr: "À propos de guichet", en: "About guichet", ar: "حول guichet"),
        .aboutWhat: Entry(
            fr: "guichet aide les personnes étrangères et celles qui les accompagnent quand une démarche administrative n’est plus possible qu’en ligne : comprendre le droit, ne pas manquer un délai, garder la preuve des tentatives, préparer les courriers.",
            en: "guichet helps foreign nationals and those who support them when an administrative procedure can only be done online: understand the law, miss no deadline, keep proof of every attempt, prepare the letters.",
            ar: "يساعد guichet الأجانب ومن يرافقهم عندما يصبح الإجراء الإداري ممكنًا عبر الإنترنت فقط: فهم القانون، عدم تفويت أي أجل، الاحتفاظ بدليل كل محاولة، وتحضير الرسائل."),
        .aboutPrivacy: Entry(
            fr: "Aucun compte n’est demandé, aucun mot de passe ANEF ou FranceConnect. Le site ne dépose aucun traceur et ne charge rien depuis un autre site.",
            en: "No account is needed, and never an ANEF or FranceConnect password. The site sets no tracker and loads nothing from another site.",
            ar: "لا حاجة إلى حساب، ولا نطلب أبدًا كلمة مرور ANEF أو FranceConnect. لا يضع الموقع أي أداة تتبّع ولا يحمّل شيئًا من موقع آخر."),
        .aboutNotAdvice: Entry(
            fr: "Les règles affichées citent leur source et la date de leur vérification. Elles ne remplacent pas l’avis d’une association ou d’un avocat.",
            en: "Every rule shown cites its source and the date it was checked. It does not replace advice from an association or a lawyer.",
            ar: "تذكر كل قاعدة معروضة مصدرها وتاريخ التحقق منها، ولا تغني عن رأي جمعية أو محامٍ."),
        .aboutSource: Entry(
            fr: "Le dossier est rédigé par l’association à partir de sources publiques, citées sur chaque page.",
            en: "The dossier is written by the association from public sources, cited on every page.",
            ar: "تحرّر الجمعية الملف اعتمادًا على مصادر عامة مذكورة في كل صفحة."),
        .kindCommunique: Entry(fr: "Communiqué", en: "Press release", ar: "بيان صحفي"),
        .kindAnalyse: Entry(fr: "Analyse", en: "Analysis", ar: "تحليل"),
        .kindDecision: Entry(fr: "Décision de justice", en: "Court decision", ar: "حكم قضائي"),
        .kindRapport: Entry(fr: "Rapport", en: "Report", ar: "تقرير"),
        .kindFormation: Entry(fr: "Formation", en: "Training", ar: "تدريب"),
        .kindRassemblement: Entry(fr: "Rassemblement", en: "Rally", ar: "تجمّع"),
        .kindArticle: Entry(fr: "Article de revue", en: "Review article", ar: "مقال"),
        .kindTexte: Entry(fr: "Texte officiel", en: "Official text", ar: "نص رسمي"),
        .deadlinesTitle: Entry(fr: "Calculer un délai", en: "Compute a deadline", ar: "حساب أجل"),
        .deadlinesIntro: Entry(
            fr: "Choisissez votre situation et la date de départ : guichet calcule la date limite, explique chaque étape et cite la règle de droit.",
            en: "Choose your situation and the starting date: guichet computes the deadline, explains each step and cites the rule of law.",
            ar: "اختر وضعيتك وتاريخ البداية: يحسب guichet آخر أجل، ويشرح كل خطوة، ويذكر القاعدة القانونية."),
        .deadlinesWarning: Entry(
            fr: "Un délai manqué peut faire perdre un droit. Agissez tôt, et faites vérifier le calcul par une association ou un avocat.",
            en: "A missed deadline can cost a right. Act early, and have the computation checked by an association or a lawyer.",
            ar: "قد يؤدي تفويت الأجل إلى ضياع حق. تصرّف مبكرًا، واطلب من جمعية أو محامٍ التحقق من الحساب."),
        .ruleLabel: Entry(fr: "Votre situation", en: "Your situation", ar: "وضعيتك"),
        .ruleHint: Entry(
            fr: "Le nom de chaque délai est celui du droit français.", en: "Deadlines are named as in French law (in French).",
            ar: "أسماء الآجال كما في القانون الفرنسي (بالفرنسية)."),
        .startDateLabel: Entry(fr: "Date de départ", en: "Starting date", ar: "تاريخ البداية"),
        .startDateHint: Entry(
            fr: "Selon la situation : la date de notification de la décision, de dépôt de la demande, de l’attestation, de mise en ligne, ou d’expiration du titre. Format AAAA-MM-JJ.",
            en: "Depending on the situation: the date the decision was notified, the request filed, the certificate issued, the decision put online, or the permit expires. Format YYYY-MM-DD.",
            ar: "حسب الوضعية: تاريخ تبليغ القرار، أو إيداع الطلب، أو الشهادة، أو نشر القرار على الإنترنت، أو انتهاء صلاحية البطاقة. الصيغة: سنة-شهر-يوم."),
        .startTimeLabel: Entry(fr: "Heure (délais en heures)", en: "Time (hour-based deadlines)", ar: "الساعة (للآجال بالساعات)"),
        .startTimeHint: Entry(
            fr: "Seulement pour l’OQTF en rétention (48 heures) : l’heure de la notification, HH:MM.",
            en: "Only for a removal order in detention (48 hours): the time of notification, HH:MM.",
            ar: "فقط لقرار الترحيل أثناء الاحتجاز (48 ساعة): ساعة التبليغ، س:د."),
        .departmentLabel: Entry(fr: "Département", en: "Département", ar: "المقاطعة"),
        .departmentHint: Entry(
            fr: "Celui de la préfecture concernée : ses jours fériés peuvent reporter la date limite.",
            en: "That of the prefecture concerned: its public holidays may move the deadline.",
            ar: "مقاطعة المحافظة المعنية: قد تؤجّل أيام عطلها الرسمية آخر أجل."),
        .departmentNone: Entry(fr: "Non précisé (jours fériés nationaux)", en: "Not given (national holidays)", ar: "غير محدد (العطل الوطنية)"),
        .distanceLegend: Entry(fr: "Où habitez-vous ?", en: "Where do you live?", ar: "أين تسكن؟"),
        .distanceNone: Entry(fr: "En France métropolitaine, ou dans le même territoire que le tribunal", en: "In mainland France, or in the court’s own territory", ar: "في فرنسا القارية، أو في نفس إقليم المحكمة"),
        .distanceOverseas: Entry(fr: "Outre-mer, pour un tribunal de métropole (ou l’inverse)", en: "Overseas, before a mainland court (or the reverse)", ar: "في أقاليم ما وراء البحار، أمام محكمة في فرنسا القارية (أو العكس)"),
        .distanceAbroad: Entry(fr: "À l’étranger", en: "Abroad", ar: "في الخارج"),
        .computeButton: Entry(fr: "Calculer", en: "Compute", ar: "احسب"),
        .resultHeading: Entry(fr: "Résultat", en: "Result", ar: "النتيجة"),
        .stepsHeading: Entry(fr: "Le calcul, étape par étape", en: "The computation, step by step", ar: "الحساب خطوة بخطوة"),
        .warningsHeading: Entry(fr: "À savoir", en: "Good to know", ar: "معلومات مهمة"),
        .sourceLabel: Entry(fr: "Source", en: "Source", ar: "المصدر"),
        .verifiedOn: Entry(fr: "règle vérifiée le %1", en: "rule checked on %1", ar: "قاعدة تم التحقق منها في %1"),
        .unverifiedRule: Entry(
            fr: "Règle non vérifiée : faites confirmer cette date par une association ou un avocat.",
            en: "Unverified rule: have this date confirmed by an association or a lawyer.",
            ar: "قاعدة غير مؤكدة: اطلب تأكيد هذا التاريخ من جمعية أو محامٍ."),
        .thenHeading: Entry(fr: "Ensuite", en: "Then", ar: "بعد ذلك"),
        .downloadCalendar: Entry(fr: "Ajouter à mon agenda (.ics, rappels 7 jours et 1 jour avant)", en: "Add to my calendar (.ics, reminders 7 days and 1 day before)", ar: "أضف إلى تقويمي (‎.ics، تذكير قبل 7 أيام ويوم واحد)"),
        .courtLabel: Entry(fr: "Tribunal compétent", en: "Competent court", ar: "المحكمة المختصة"),
        .addressToCheck: Entry(fr: "adresse à vérifier", en: "address to be checked", ar: "العنوان بحاجة إلى تحقق"),
        .errorSummaryTitle: Entry(fr: "Il y a un problème", en: "There is a problem", ar: "هناك مشكلة"),
        .usefulDeadlines: Entry(fr: "Délais utiles", en: "Useful deadlines", ar: "آجال مفيدة"),
        .computeThisDeadline: Entry(fr: "Calculer : %1", en: "Compute: %1", ar: "احسب: %1"),
        .legalTextInFrench: Entry(
            fr: "Les explications juridiques sont rédigées en français.", en: "Legal explanations are written in French.",
            ar: "الشروح القانونية مكتوبة باللغة الفرنسية."),
        .errorRule: Entry(fr: "Choisissez une situation dans la liste.", en: "Choose a situation from the list.", ar: "اختر وضعية من القائمة."),
        .errorDate: Entry(
            fr: "Indiquez une date qui existe, au format AAAA-MM-JJ (par exemple 2025-03-04).",
            en: "Give a date that exists, as YYYY-MM-DD (for example 2025-03-04).",
            ar: "أدخل تاريخًا صحيحًا بصيغة سنة-شهر-يوم (مثلًا 2025-03-04)."),
        .errorTime: Entry(fr: "Indiquez l’heure au format HH:MM (par exemple 09:30).", en: "Give the time as HH:MM (for example 09:30).", ar: "أدخل الساعة بصيغة س:د (مثلًا 09:30)."),
        .errorMissingTime: Entry(
            fr: "Ce délai se compte en heures : indiquez l’heure de la notification.",
            en: "This deadline counts in hours: give the time of notification.",
            ar: "هذا الأجل يُحسب بالساعات: أدخل ساعة التبليغ."),
        .errorDepartment: Entry(fr: "Choisissez un département dans la liste.", en: "Choose a département from the list.", ar: "اختر مقاطعة من القائمة."),
        .errorDateRange: Entry(fr: "Cette date est hors de la période couverte (1990 à 2100).", en: "This date is outside the supported years (1990 to 2100).", ar: "هذا التاريخ خارج الفترة المشمولة (1990 إلى 2100)."),
        .errorDistance: Entry(fr: "Choisissez un seul lieu de résidence.", en: "Choose a single place of residence.", ar: "اختر مكان إقامة واحدًا فقط."),
    ]
}
