extension Catalog {
    /// The strings of the self-help paths and the private file (`/parcours`, `/mon-dossier`, `/reprendre`).
    static let parcoursEntries: [UIString: Entry] = [
        .navParcours: Entry(fr: "Être guidé", en: "Step-by-step help", ar: "إرشاد خطوة بخطوة"),
        .quickExit: Entry(fr: "Quitter rapidement", en: "Leave quickly", ar: "مغادرة سريعة"),
        .parcoursListTitle: Entry(
            fr: "Être guidé pas à pas", en: "Step-by-step help", ar: "إرشاد خطوة بخطوة"),
        .parcoursListIntro: Entry(
            fr: "Répondez à quelques questions, une par page. À la fin, vous savez ce que dit le droit, les dates à ne pas manquer, et vous recevez les courriers prêts à envoyer.",
            en: "Answer a few questions, one per page. At the end you know what the law says and which dates not to miss, and you get letters ready to send. The questions and documents are in French.",
            ar: "أجب عن بعض الأسئلة، سؤال في كل صفحة. في النهاية تعرف ما ينصّ عليه القانون والتواريخ التي يجب ألا تفوتك، وتحصل على رسائل جاهزة للإرسال. الأسئلة والوثائق باللغة الفرنسية."),
        .parcoursStart: Entry(fr: "Commencer", en: "Start", ar: "ابدأ"),
        .parcoursPrivacy: Entry(
            fr: "Pas de compte, pas d’adresse électronique. Vos réponses sont gardées dans un dossier privé, chiffré avec un code que vous êtes seul à recevoir : sans ce code, personne ne peut les lire, pas même nous. Un dossier sans visite pendant 90 jours est effacé.",
            en: "No account, no e-mail address. Your answers are kept in a private file, encrypted with a code that only you receive: without it nobody can read them, not even us. A file not visited for 90 days is erased.",
            ar: "لا حساب ولا بريد إلكتروني. تُحفظ إجاباتك في ملف خاص مشفّر برمز تتسلّمه أنت وحدك: بدون هذا الرمز لا يستطيع أحد قراءتها، ولا حتى نحن. يُمحى الملف إذا لم تتم زيارته لمدة 90 يومًا."),
        .parcoursResume: Entry(fr: "Continuer mon dossier en cours", en: "Continue my open file", ar: "متابعة ملفي المفتوح"),
        .parcoursHaveCode: Entry(fr: "J’ai déjà un code : reprendre mon dossier", en: "I already have a code: open my file", ar: "لديّ رمز: فتح ملفي"),
        .parcoursWhatYouGet: Entry(fr: "Ce que vous obtiendrez", en: "What you will get", ar: "ما الذي ستحصل عليه"),
        .codeTitle: Entry(fr: "Votre code personnel", en: "Your personal code", ar: "رمزك الشخصي"),
        .codeIntro: Entry(
            fr: "Notez ce code maintenant : il ne sera plus jamais affiché. Avec lui, vous pouvez revenir à votre dossier depuis n’importe quel téléphone ou ordinateur.",
            en: "Write this code down now: it will never be shown again. With it you can come back to your file from any phone or computer.",
            ar: "اكتب هذا الرمز الآن: لن يُعرض مرة أخرى أبدًا. به يمكنك العودة إلى ملفك من أي هاتف أو حاسوب."),
        .codeLabel: Entry(fr: "Votre code", en: "Your code", ar: "رمزك"),
        .codeCopyHint: Entry(
            fr: "Sélectionnez le code pour le copier, prenez-le en photo ou écrivez-le sur papier.",
            en: "Select the code to copy it, take a photo of it or write it on paper.",
            ar: "حدّد الرمز لنسخه، أو التقط له صورة، أو اكتبه على ورقة."),
        .codeBookmark: Entry(
            fr: "Lien à garder dans vos favoris (il contient votre code : ne le partagez qu’avec une personne de confiance)",
            en: "Link to bookmark (it contains your code: share it only with someone you trust)",
            ar: "رابط للحفظ في المفضلة (يحتوي على رمزك: لا تشاركه إلا مع شخص تثق به)"),
        .codeLost: Entry(
            fr: "Si vous perdez ce code, personne ne pourra retrouver votre dossier.",
            en: "If you lose this code, nobody will be able to recover your file.",
            ar: "إذا فقدت هذا الرمز، فلن يتمكن أحد من استرجاع ملفك."),
        .codeContinue: Entry(fr: "J’ai noté mon code, continuer", en: "I have written my code down, continue", ar: "دوّنت رمزي، متابعة"),
        .continueButton: Entry(fr: "Continuer", en: "Continue", ar: "متابعة"),
        .backButton: Entry(fr: "Retour", en: "Back", ar: "رجوع"),
        .backToReview: Entry(fr: "Retour au récapitulatif", en: "Back to the summary", ar: "العودة إلى الملخّص"),
        .questionOf: Entry(fr: "Question %1 sur %2", en: "Question %1 of %2", ar: "السؤال %1 من %2"),
        .optionalMark: Entry(fr: "(facultatif)", en: "(optional)", ar: "(اختياري)"),
        .chooseDepartment: Entry(fr: "Choisissez un département", en: "Choose a département", ar: "اختر مقاطعة"),
        .chooseOption: Entry(fr: "Choisissez une réponse.", en: "Choose one answer.", ar: "اختر إجابة واحدة."),
        .fileCurrent: Entry(
            fr: "Fichier déjà joint : %1. Laissez ce champ vide pour le garder.",
            en: "File already attached: %1. Leave this field empty to keep it.",
            ar: "ملف مرفق مسبقًا: %1. اترك هذا الحقل فارغًا للاحتفاظ به."),
        .fileHint: Entry(
            fr: "Image PNG ou JPEG, ou PDF, de 10 Mo au plus.", en: "PNG or JPEG image, or PDF, 10 MB at most.",
            ar: "صورة PNG أو JPEG، أو ملف PDF، بحجم 10 ميغابايت على الأكثر."),
        .contentInFrenchNote: Entry(
            fr: "Les questions et les documents sont rédigés en français.",
            en: "The questions and the documents are written in French.",
            ar: "الأسئلة والوثائق مكتوبة باللغة الفرنسية."),
        .reviewTitle: Entry(fr: "Vérifiez vos réponses", en: "Check your answers", ar: "راجع إجاباتك"),
        .reviewIntro: Entry(
            fr: "Vous pouvez modifier chaque réponse. Quand tout est juste, confirmez pour voir le résultat.",
            en: "You can change any answer. When everything is right, confirm to see the result.",
            ar: "يمكنك تعديل أي إجابة. عندما يكون كل شيء صحيحًا، أكّد لرؤية النتيجة."),
        .changeButton: Entry(fr: "Modifier", en: "Change", ar: "تعديل"),
        .changeLabel: Entry(fr: "Modifier : %1", en: "Change: %1", ar: "تعديل: %1"),
        .removeEntry: Entry(fr: "Retirer : %1", en: "Remove: %1", ar: "حذف: %1"),
        .confirmButton: Entry(fr: "Confirmer et voir le résultat", en: "Confirm and see the result", ar: "تأكيد وعرض النتيجة"),
        .stopHeading: Entry(fr: "À lire avant d’aller plus loin", en: "Read this before going further", ar: "اقرأ هذا قبل المتابعة"),
        .resultTitle: Entry(fr: "Votre résultat", en: "Your result", ar: "نتيجتك"),
        .verdictHeading: Entry(fr: "Vos tentatives suffisent-elles ?", en: "Are your attempts enough?", ar: "هل محاولاتك كافية؟"),
        .verdictInsuffisant: Entry(fr: "Pas encore suffisant", en: "Not enough yet", ar: "غير كافٍ بعد"),
        .verdictRecevable: Entry(fr: "Suffisant pour saisir le juge", en: "Enough to go to court", ar: "كافٍ للجوء إلى القاضي"),
        .verdictSolide: Entry(fr: "Dossier solide", en: "Strong file", ar: "ملف متين"),
        .verdictReasons: Entry(fr: "Pourquoi", en: "Why", ar: "لماذا"),
        .verdictAdvice: Entry(fr: "Pour renforcer votre dossier", en: "To strengthen your file", ar: "لتقوية ملفك"),
        .myDeadlinesHeading: Entry(fr: "Les dates à ne pas manquer", en: "Dates not to miss", ar: "تواريخ يجب ألا تفوتك"),
        .documentsHeading: Entry(fr: "Vos documents", en: "Your documents", ar: "وثائقك"),
        .documentReady: Entry(
            fr: "Prêt : relisez-le, signez-le et envoyez-le.", en: "Ready: read it again, sign it and send it.",
            ar: "جاهز: أعد قراءته ووقّعه وأرسله."),
        .documentMissing: Entry(
            fr: "Pour préparer ce document, il manque :", en: "To prepare this document, this is missing:",
            ar: "لإعداد هذه الوثيقة، ينقص ما يلي:"),
        .completeAnswers: Entry(fr: "Compléter mes réponses", en: "Complete my answers", ar: "إكمال إجاباتي"),
        .downloadFormat: Entry(fr: "Télécharger en %1", en: "Download as %1", ar: "تنزيل بصيغة %1"),
        .downloadSplit: Entry(
            fr: "Télécharger en PDF, une pièce par fichier (ZIP, pour Télérecours)",
            en: "Download as PDF, one file per exhibit (ZIP, for Télérecours)",
            ar: "تنزيل بصيغة PDF، ملف لكل مستند (ZIP، لمنصة Télérecours)"),
        .documentUnprintable: Entry(
            fr: "Le PDF ne peut pas être produit : une réponse contient un caractère que ses polices ne savent pas imprimer. Écrivez-la en lettres latines, comme sur le passeport, puis revenez ici. Les formats DOCX et ODT restent disponibles.",
            en: "The PDF cannot be produced: an answer holds a character its fonts cannot print. Write it in Latin letters, as on the passport, then come back. DOCX and ODT remain available.",
            ar: "لا يمكن إنشاء ملف PDF: إحدى الإجابات تحتوي على حرف لا تستطيع خطوطه طباعته. اكتبها بالحروف اللاتينية كما في جواز السفر ثم عد إلى هنا. صيغتا DOCX وODT متاحتان."),
        .documentUnprintableTitle: Entry(fr: "PDF impossible", en: "PDF not possible", ar: "تعذّر إنشاء PDF"),
        .documentUnprintableText: Entry(
            fr: "Une de vos réponses contient un caractère que le PDF ne sait pas imprimer. La page de résultat indique lequel ; corrigez la réponse, ou téléchargez le document en DOCX ou ODT.",
            en: "One of your answers holds a character the PDF cannot print. The result page says which; correct the answer, or download the document as DOCX or ODT.",
            ar: "تحتوي إحدى إجاباتك على حرف لا يستطيع ملف PDF طباعته. تبيّن صفحة النتيجة أيّ حرف هو؛ صحّح الإجابة أو نزّل الوثيقة بصيغة DOCX أو ODT."),
        .changeAnswers: Entry(fr: "Modifier mes réponses", en: "Change my answers", ar: "تعديل إجاباتي"),
        .printHint: Entry(
            fr: "Pour garder cette page, imprimez-la ou enregistrez-la en PDF depuis votre navigateur.",
            en: "To keep this page, print it or save it as PDF from your browser.",
            ar: "للاحتفاظ بهذه الصفحة، اطبعها أو احفظها بصيغة PDF من متصفحك."),
        .warningsResultHeading: Entry(fr: "Attention", en: "Warning", ar: "تنبيه"),
        .deleteLink: Entry(fr: "Supprimer mon dossier", en: "Delete my file", ar: "حذف ملفي"),
        .deleteTitle: Entry(fr: "Supprimer votre dossier ?", en: "Delete your file?", ar: "هل تريد حذف ملفك؟"),
        .deleteText: Entry(
            fr: "Vos réponses et vos captures seront effacées tout de suite, pour toujours. Personne ne pourra les retrouver.",
            en: "Your answers and captures will be erased right away, for ever. Nobody will be able to recover them.",
            ar: "ستُمحى إجاباتك ولقطات الشاشة فورًا وإلى الأبد. لن يتمكن أحد من استرجاعها."),
        .deleteConfirm: Entry(fr: "Oui, supprimer définitivement", en: "Yes, delete for ever", ar: "نعم، احذف نهائيًا"),
        .deleteCancel: Entry(fr: "Non, revenir à mon dossier", en: "No, back to my file", ar: "لا، العودة إلى ملفي"),
        .deletedTitle: Entry(fr: "Votre dossier a été supprimé", en: "Your file has been deleted", ar: "تم حذف ملفك"),
        .deletedText: Entry(
            fr: "Vos réponses et vos captures ont été effacées. Votre code ne sert plus à rien.",
            en: "Your answers and captures have been erased. Your code no longer opens anything.",
            ar: "تم محو إجاباتك ولقطات الشاشة. لم يعد رمزك يفتح أي شيء."),
        .resumeTitle: Entry(fr: "Reprendre mon dossier", en: "Open my file", ar: "فتح ملفي"),
        .resumeIntro: Entry(
            fr: "Saisissez le code reçu quand vous avez commencé.", en: "Type the code you received when you started.",
            ar: "أدخل الرمز الذي تسلّمته عند البدء."),
        .resumeLabel: Entry(fr: "Votre code", en: "Your code", ar: "رمزك"),
        .resumeHint: Entry(
            fr: "28 lettres et chiffres, par exemple K7QX-M2RD-… Les tirets, les espaces et les majuscules ne comptent pas.",
            en: "28 letters and digits, for example K7QX-M2RD-… Hyphens, spaces and capitals do not matter.",
            ar: "28 حرفًا ورقمًا، مثلًا K7QX-M2RD-… لا تهمّ الشرطات ولا المسافات ولا الأحرف الكبيرة."),
        .resumeButton: Entry(fr: "Ouvrir mon dossier", en: "Open my file", ar: "فتح ملفي"),
        .resumeMistyped: Entry(
            fr: "Ce code est mal recopié : vérifiez chaque lettre et chaque chiffre.",
            en: "This code was copied wrongly: check each letter and digit.",
            ar: "تم نسخ هذا الرمز بشكل خاطئ: تحقّق من كل حرف ورقم."),
        .resumeWrongLength: Entry(
            fr: "Un code a 28 lettres et chiffres ; vous en avez saisi %1.",
            en: "A code has 28 letters and digits; you typed %1.", ar: "يتكوّن الرمز من 28 حرفًا ورقمًا؛ أدخلت %1."),
        .resumeInvalidCharacter: Entry(
            fr: "Le caractère n° %1 n’existe pas dans les codes : seuls les chiffres et les lettres (sans U) sont utilisés.",
            en: "Character number %1 is never used in codes: only digits and letters (without U).",
            ar: "الحرف رقم %1 لا يُستعمل في الرموز: تُستعمل الأرقام والحروف فقط (دون U)."),
        .privateNotFoundTitle: Entry(fr: "Dossier introuvable", en: "File not found", ar: "الملف غير موجود"),
        .privateNotFoundText: Entry(
            fr: "Aucun dossier ne s’ouvre avec ce code. Il a peut-être été supprimé, ou effacé après 90 jours sans visite. Vérifiez le code, ou commencez un nouveau dossier.",
            en: "No file opens with this code. It may have been deleted, or erased after 90 days without a visit. Check the code, or start a new file.",
            ar: "لا يُفتح أي ملف بهذا الرمز. ربما حُذف، أو مُحي بعد 90 يومًا دون زيارة. تحقّق من الرمز، أو ابدأ ملفًا جديدًا."),
        .tooManyTitle: Entry(fr: "Trop d’essais", en: "Too many attempts", ar: "محاولات كثيرة جدًا"),
        .tooManyText: Entry(
            fr: "Trop de codes ont été essayés depuis cette connexion. Réessayez dans un quart d’heure.",
            en: "Too many codes were tried from this connection. Try again in a quarter of an hour.",
            ar: "تمت تجربة رموز كثيرة جدًا من هذا الاتصال. أعد المحاولة بعد ربع ساعة."),
        .expiredFormTitle: Entry(fr: "Cette page a expiré", en: "This page has expired", ar: "انتهت صلاحية هذه الصفحة"),
        .expiredFormText: Entry(
            fr: "Pour votre sécurité, ce formulaire n’est plus valable. Vos réponses déjà enregistrées sont intactes : rouvrez la page et recommencez cette étape.",
            en: "For your safety this form is no longer valid. The answers already saved are intact: open the page again and redo this step.",
            ar: "حفاظًا على أمانك، لم يعد هذا النموذج صالحًا. الإجابات المحفوظة سليمة: أعد فتح الصفحة وكرّر هذه الخطوة."),
        .busyText: Entry(
            fr: "Votre dossier a été modifié en même temps dans une autre fenêtre. Rien n’est perdu : rechargez la page.",
            en: "Your file was changed in another window at the same time. Nothing is lost: reload the page.",
            ar: "تم تعديل ملفك في نافذة أخرى في الوقت نفسه. لم يضِع شيء: أعد تحميل الصفحة."),
        .tooLargeTitle: Entry(fr: "Fichier trop lourd", en: "File too large", ar: "الملف كبير جدًا"),
        .tooLargeText: Entry(
            fr: "Ce qui a été envoyé dépasse la taille permise (10 Mo par capture). Vos réponses déjà enregistrées sont intactes.",
            en: "What was sent is over the size allowed (10 MB per capture). The answers already saved are intact.",
            ar: "ما تم إرساله يتجاوز الحجم المسموح (10 ميغابايت لكل لقطة). الإجابات المحفوظة سليمة."),
        .startNew: Entry(fr: "Commencer un nouveau dossier", en: "Start a new file", ar: "بدء ملف جديد"),
        .interviewRequired: Entry(
            fr: "Répondez à cette question pour continuer.", en: "Answer this question to continue.",
            ar: "أجب عن هذا السؤال للمتابعة."),
        .interviewUnknownChoice: Entry(
            fr: "Choisissez une des réponses proposées.", en: "Choose one of the answers offered.",
            ar: "اختر إحدى الإجابات المقترحة."),
        .interviewUnknownDepartment: Entry(
            fr: "« %1 » n’est pas un département : choisissez-le dans la liste (par exemple 93).",
            en: "“%1” is not a département: choose it from the list (for example 93).",
            ar: "«%1» ليست مقاطعة: اخترها من القائمة (مثلًا 93)."),
        .interviewInvalidDate: Entry(
            fr: "« %1 » n’est pas une date : écrivez-la comme 05/10/2026.",
            en: "“%1” is not a date: write it like 05/10/2026 (day/month/year).",
            ar: "«%1» ليس تاريخًا: اكتبه هكذا 05/10/2026 (يوم/شهر/سنة)."),
        .interviewInvalidDateTime: Entry(
            fr: "« %1 » n’est pas une date et une heure : écrivez-les comme 05/10/2026 08:59.",
            en: "“%1” is not a date and time: write them like 05/10/2026 08:59.",
            ar: "«%1» ليس تاريخًا وساعة: اكتبهما هكذا 05/10/2026 08:59."),
        .interviewTooEarly: Entry(
            fr: "La date doit être le %1 ou après.", en: "The date must be on or after %1.",
            ar: "يجب أن يكون التاريخ في %1 أو بعده."),
        .interviewTooLate: Entry(
            fr: "La date doit être le %1 ou avant.", en: "The date must be on or before %1.",
            ar: "يجب أن يكون التاريخ في %1 أو قبله."),
        .interviewTooLong: Entry(
            fr: "Le texte doit faire au plus %1 caractères.", en: "The text must be %1 characters at most.",
            ar: "يجب ألا يتجاوز النص %1 حرفًا."),
        .interviewInvalidFile: Entry(
            fr: "Ce fichier n’est pas accepté : choisissez une image PNG ou JPEG, ou un PDF.",
            en: "This file is not accepted: choose a PNG or JPEG image, or a PDF.",
            ar: "هذا الملف غير مقبول: اختر صورة PNG أو JPEG، أو ملف PDF."),
        .interviewTooFewEntries: Entry(
            fr: "Il faut au moins %1 réponses ici.", en: "At least %1 entries are needed here.",
            ar: "يلزم %1 إدخالات على الأقل هنا."),
        .interviewUnexpectedScreen: Entry(
            fr: "Cette question n’est plus posée : reprenez à la question affichée.",
            en: "This question is no longer asked: continue with the question shown.",
            ar: "لم يعد هذا السؤال مطروحًا: تابع من السؤال المعروض."),
        .interviewCaptureDimensions: Entry(
            fr: "Cette image est trop grande ou illisible : envoyez une capture d’écran ou une photo ordinaire.",
            en: "This image is too large or unreadable: send an ordinary screenshot or photo.",
            ar: "هذه الصورة كبيرة جدًا أو غير مقروءة: أرسل لقطة شاشة أو صورة عادية."),
        .interviewCaptureTooLarge: Entry(
            fr: "Ce fichier dépasse 10 Mo : envoyez une image plus légère.", en: "This file is over 10 MB: send a lighter image.",
            ar: "هذا الملف يتجاوز 10 ميغابايت: أرسل صورة أخف."),
        .interviewTooManyCaptures: Entry(
            fr: "Ce dossier contient déjà le nombre maximal de fichiers.", en: "This file already holds the most attachments allowed.",
            ar: "يحتوي هذا الملف بالفعل على الحد الأقصى من المرفقات."),
        .interviewDateHint: Entry(
            fr: "Format : jour/mois/année, par exemple 05/10/2026.", en: "Format: day/month/year, for example 05/10/2026.",
            ar: "الصيغة: يوم/شهر/سنة، مثلًا 05/10/2026."),
        .interviewDateTimeHint: Entry(
            fr: "Format : jour/mois/année heure:minutes, par exemple 05/10/2026 08:59.",
            en: "Format: day/month/year hour:minutes, for example 05/10/2026 08:59.",
            ar: "الصيغة: يوم/شهر/سنة ساعة:دقائق، مثلًا 05/10/2026 08:59."),
    ]
}
