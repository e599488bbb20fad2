/// The site's only stylesheet, served from `/static/style.css`: small, readable on old phones, printable.
///
/// Logical properties (`margin-inline-start`…) make the same rules work right-to-left for Arabic.
public enum Stylesheet {
    public static let css = """
        :root{--ink:#1b1b1b;--muted:#545454;--accent:#0b4f8a;--line:#d0d0d0;--bg:#fff;--mark:#ffe680}
        *{box-sizing:border-box}
        html{font-size:100%;-webkit-text-size-adjust:100%}
        body{margin:0 auto;max-width:46rem;padding:0 1rem 2rem;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Naskh Arabic",sans-serif;color:var(--ink);background:var(--bg)}
        a{color:var(--accent);text-underline-offset:.15em}
        a:visited{color:#5a2d82}
        a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #e07000;outline-offset:2px}
        .skip{position:absolute;inset-inline-start:-999px}
        .skip:focus{position:static;display:inline-block;padding:.5rem;background:#ffd}
        header.site{border-bottom:2px solid var(--accent);padding:.75rem 0;margin-bottom:1rem}
        .brand{margin:0 0 .5rem}
        .brand a{font-weight:700;font-size:1.4rem;text-decoration:none;margin-inline-end:.5rem}
        .brand span{color:var(--muted);font-size:.95rem}
        nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
        h1{font-size:1.6rem;line-height:1.25;margin:1rem 0 .5rem}
        h2{font-size:1.3rem;line-height:1.3;margin:1.75rem 0 .5rem}
        h3{font-size:1.1rem;margin:0}
        .lead{font-size:1.1rem}
        .subtitle,.meta,.hint,.updated{color:var(--muted)}
        .meta{font-size:.9rem;margin:.15rem 0}
        ul.items,ul.sections,ol.hits,ul.tags{padding:0;list-style:none}
        ul.items>li,ul.sections>li,ol.hits>li{padding:.75rem 0;border-bottom:1px solid var(--line)}
        ul.items p,ul.sections p,ol.hits p{margin:.25rem 0}
        ul.tags li{display:inline-block;margin:.2rem .6rem .2rem 0}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.95rem}
        dl.facts dt{font-weight:600}
        dl.facts dd{margin:0}
        .prose blockquote{margin:1rem 0;padding-inline-start:1rem;border-inline-start:4px solid var(--line)}
        mark{background:var(--mark);color:inherit}
        form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}
        form.search label{flex-basis:100%;font-weight:600}
        input,select,textarea,button{font:inherit}
        input[type=search],input[type=text],input[type=date],input[type=time],select{padding:.45rem;border:1px solid #767676;border-radius:3px;min-width:0;flex:1 1 12rem}
        button{padding:.45rem 1rem;border:0;border-radius:3px;background:var(--accent);color:#fff;cursor:pointer}
        .field{margin:1rem 0}
        .field label,legend{display:block;font-weight:600}
        .hint{font-size:.9rem;margin:.1rem 0 .3rem}
        .field select,.field input{width:100%;max-width:32rem}
        fieldset{border:1px solid var(--line);margin:1rem 0;padding:.5rem 1rem}
        .choice{margin:.3rem 0}
        .choice label{display:inline;font-weight:400;margin-inline-start:.4rem}
        .field-error{color:#b00020;font-weight:600;margin:.2rem 0}
        [aria-invalid=true]{border:2px solid #b00020}
        .error-summary{border:3px solid #b00020;padding:.5rem 1rem;margin:1rem 0}
        .error-summary h2{margin-top:.25rem}
        .warning{border-inline-start:4px solid #e07000;padding-inline-start:.75rem}
        .result{border-top:3px solid var(--accent);margin-top:1.5rem}
        .answer{font-size:1.2rem}
        .unverified{background:#fff4e5;padding:.5rem}
        td.down{color:#b00020;font-weight:600}
        .falc{background:#f3f6fa;border-inline-start:4px solid var(--accent);padding:.25rem 1rem;margin:1rem 0}
        .falc ul{font-size:1.15rem;line-height:1.6;padding-inline-start:1.2rem}
        .tiles,.bars{display:block;width:100%;max-width:30rem;height:auto;margin:1rem 0}
        .tiles text{font:3px system-ui,sans-serif;text-anchor:middle;fill:#fff;pointer-events:none}
        .tiles .caption{text-anchor:start;fill:var(--ink)}
        .tiles a:focus path,.tiles a:hover path{stroke:var(--ink);stroke-width:.8px}
        .a{fill:#1b6e3a;background:#1b6e3a}.o{fill:#a33a00;background:#a33a00}.u{fill:#5c5c5c;background:#5c5c5c}
        .p{fill:#5c2d91;background:#5c2d91}
        .swatch{display:inline-block;width:1rem;height:1rem;vertical-align:middle}
        .bars text{font:7px sans-serif}.axis{fill:none;stroke:#000}.figures td{text-align:end}
        .start a{display:inline-block;padding:.5rem 1rem;background:var(--accent);color:#fff;font-weight:700;text-decoration:none;border-radius:3px}
        .source{font-size:.9rem;color:var(--muted)}
        aside.deadlines{background:#f3f6fa;padding:.25rem 1rem;margin:1rem 0}
        .pagination ul{justify-content:space-between;margin:1rem 0}
        .exit{margin:0;text-align:end}
        .exit a{display:inline-block;padding:.35rem .8rem;background:#8a1c1c;color:#fff;font-weight:700;text-decoration:none;border-radius:3px}
        .code{font:700 clamp(.7rem,3.4vw,1.35rem)/1.4 ui-monospace,monospace;letter-spacing:.05em;width:100%;max-width:34rem;padding:.5rem;border:2px solid var(--accent)}
        .progress{color:var(--muted);font-size:.9rem;margin:.5rem 0 0}
        .actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:1.25rem 0}
        button.secondary{background:#fff;color:var(--accent);border:2px solid var(--accent)}
        button.danger{background:#8a1c1c}
        .field textarea,.field input[type=datetime-local],.field input[type=file]{width:100%;max-width:32rem}
        textarea{padding:.45rem;border:1px solid #767676;border-radius:3px;min-height:6rem}
        nav.desk{background:#f3f6fa;padding:.25rem 1rem;margin:1rem 0}
        nav.desk ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;margin:.25rem 0;list-style:none}
        nav.desk form{display:inline-block;margin-inline-end:1rem}
        button.link{background:none;color:var(--accent);padding:.2rem 0;text-decoration:underline}
        table{border-collapse:collapse;width:100%;margin:1rem 0}
        caption{text-align:start;font-weight:600;padding:.25rem 0}
        th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:start;vertical-align:top;overflow-wrap:anywhere}
        tr.urgency-depasse,tr.urgency-aujourdhui{background:#fdecea}
        tr.urgency-deux-jours{background:#fff4e5}
        .notice{border-inline-start:4px solid var(--accent);padding-inline-start:.75rem}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
        dl.review{margin:1rem 0}
        dl.review>div{border-bottom:1px solid var(--line);padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;justify-content:space-between}
        dl.review dt{font-weight:600;flex:1 1 18rem}
        dl.review dd{margin:0;flex:1 1 12rem}
        .verdict{border:3px solid var(--accent);padding:.5rem 1rem;margin:1rem 0}
        .outcome{border-inline-start:4px solid var(--accent);padding-inline-start:.75rem;margin:1rem 0}
        ul.documents{padding:0;list-style:none}
        ul.documents>li{padding:.5rem 0;border-bottom:1px solid var(--line)}
        .private{margin-top:2rem;font-size:.95rem}
        footer.site{margin-top:2.5rem;padding-top:1rem;border-top:1px solid var(--line);font-size:.9rem;color:var(--muted)}
        footer.site a{color:var(--accent)}
        [aria-current=true]{font-weight:700}
        @media print{
        @page{size:A4;margin:15mm}
        .verdict,.outcome,.deadline-result{break-inside:avoid}
        header.site nav,footer.site nav,.exit,.actions,.private,form.search,form.deadline,form.certificate,.pagination,.skip,.feed,.calendar{display:none}
        body{max-width:none;font-size:11pt;color:#000}
        a{color:#000}
        .prose a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;word-break:break-all}
        h1,h2,h3{break-after:avoid}
        li{break-inside:avoid}
        }

        """
}
