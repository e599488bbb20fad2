/// The fixed parts and styles of an ODT package.
enum ODTParts {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
        """

    static let fontFaces = """
        <style:font-face style:name="Times New Roman" svg:font-family="&apos;Times New Roman&apos;" \
        style:font-family-generic="roman" style:font-pitch="variable"/>\
        <style:font-face style:name="Arial" svg:font-family="Arial" style:font-family-generic="swiss" style:font-pitch="variable"/>
        """

    /// Metadata: title, language and generator; deliberately no date.
    static func meta(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-meta \(namespaces) office:version="1.3"><office:meta>\
        <meta:generator>guichet</meta:generator><dc:title>\(XML.escaped(title))</dc:title>\
        <dc:language>fr-FR</dc:language></office:meta></office:document-meta>
        """
    }

    private static func paragraph(_ name: String, align: String, breakBefore: Bool) -> String {
        """
        <style:style style:name="\(name)" style:family="paragraph" style:parent-style-name="Text_20_body">\
        <style:paragraph-properties fo:text-align="\(align)"\(breakBefore ? " fo:break-before=\"page\"" : "")/></style:style>
        """
    }

    /// Automatic styles of content.xml: alignments (with page-break variants), emphasis, table cells,
    /// the image frame.
    static let automaticStyles: String = {
        var styles = ""
        for (name, align) in [
            ("P_left", "start"), ("P_right", "end"), ("P_center", "center"), ("P_justify", "justify"),
        ] {
            styles += paragraph(name, align: align, breakBefore: false)
            styles += paragraph(name + "_break", align: align, breakBefore: true)
        }
        for level in 1...3 {
            styles += """
                <style:style style:name="H\(level)_break" style:family="paragraph" style:parent-style-name="Heading_20_\(level)">\
                <style:paragraph-properties fo:break-before="page"/></style:style>
                """
        }
        styles += """
            <style:style style:name="P_break" style:family="paragraph" style:parent-style-name="Standard">\
            <style:paragraph-properties fo:break-before="page"/></style:style>\
            <style:style style:name="P_list" style:family="paragraph" style:parent-style-name="Text_20_body">\
            <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.07cm"/></style:style>\
            <style:style style:name="P_table" style:family="paragraph" style:parent-style-name="Standard">\
            <style:paragraph-properties fo:text-align="start"/></style:style>\
            <style:style style:name="T_bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>\
            <style:style style:name="T_italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>\
            <style:style style:name="T_bold_italic" style:family="text">\
            <style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>\
            <style:style style:name="Row" style:family="table-row">\
            <style:table-row-properties fo:keep-together="always"/></style:style>\
            <style:style style:name="Cell" style:family="table-cell">\
            <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>\
            <style:style style:name="Cell_header" style:family="table-cell">\
            <style:table-cell-properties fo:background-color="#e6e6e6" fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>\
            <style:style style:name="Frame_image" style:family="graphic">\
            <style:graphic-properties style:vertical-pos="top" style:vertical-rel="baseline" \
            fo:border="0.5pt solid #000000" fo:padding="0cm"/></style:style>
            """
        return styles
    }()

    private static func heading(_ level: Int, size: String, centered: Bool) -> String {
        """
        <style:style style:name="Heading_20_\(level)" style:display-name="Heading \(level)" style:family="paragraph" \
        style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="\(level)" \
        style:class="text"><style:paragraph-properties fo:text-align="\(centered ? "center" : "start")"/>\
        <style:text-properties fo:font-size="\(size)" fo:font-weight="bold"/></style:style>
        """
    }

    private static func list(_ name: String, displayName: String, numbered: Bool) -> String {
        let level =
            numbered
            ? "<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" style:num-format=\"1\">"
            : "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"\u{2022}\">"
        let close = numbered ? "</text:list-level-style-number>" : "</text:list-level-style-bullet>"
        return """
            <text:list-style style:name="\(name)" style:display-name="\(displayName)">\(level)\
            <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">\
            <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" \
            fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties>\(close)</text:list-style>
            """
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-styles \(namespaces) office:version="1.3">\
        <office:font-face-decls>\(fontFaces)</office:font-face-decls>\
        <office:styles>\
        <style:default-style style:family="paragraph"><style:paragraph-properties fo:orphans="2" fo:widows="2"/>\
        <style:text-properties style:font-name="Times New Roman" fo:font-size="11pt" fo:language="fr" fo:country="FR"/>\
        </style:default-style>\
        <style:style style:name="Standard" style:family="paragraph" style:class="text"/>\
        <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" \
        style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" \
        fo:margin-bottom="0.21cm" fo:line-height="115%" fo:text-align="justify"/></style:style>\
        <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" \
        style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" \
        fo:margin-bottom="0.21cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Arial"/></style:style>\
        \(heading(1, size: "16pt", centered: true))\(heading(2, size: "13pt", centered: false))\
        \(heading(3, size: "11.5pt", centered: false))\
        <style:style style:name="Caption" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">\
        <style:paragraph-properties fo:margin-bottom="0.07cm" fo:keep-with-next="always"/>\
        <style:text-properties fo:font-size="10pt"/></style:style>\
        <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">\
        <style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>\
        \(list("List_20_Bullet", displayName: "List Bullet", numbered: false))\
        \(list("Numbering_20_123", displayName: "Numbering 123", numbered: true))\
        </office:styles>\
        <office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" \
        fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.5cm" fo:margin-bottom="1.5cm" \
        fo:margin-left="2.5cm" fo:margin-right="2.5cm"/><style:footer-style><style:header-footer-properties \
        fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout></office:automatic-styles>\
        <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer>\
        <text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number> / \
        <text:page-count>1</text:page-count></text:p></style:footer></style:master-page></office:master-styles>\
        </office:document-styles>
        """
}
