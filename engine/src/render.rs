//! The report written out as Markdown, plain text and a standalone HTML page. Every user
//! text is escaped for the format it lands in.

use crate::report::{Block, Report, Table};

/// The report's print stylesheet: A4, 黑体 headings, 仿宋 body from local fonts only,
/// ruled tables and page numbers. The app's report view uses the same sheet.
pub const STYLE: &str = r#"
.report{font-family:"FangSong","仿宋","FangSong_GB2312","STFangsong","Noto Serif CJK SC","Source Han Serif SC","SimSun","Songti SC",serif;font-size:16pt;line-height:1.6;color:#000;max-width:42em;margin:0 auto}
.report h1{font-family:"SimHei","黑体","Heiti SC","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;font-size:22pt;font-weight:normal;text-align:center;margin:0 0 1em}
.report h2,.report h3,.report h4{font-family:"SimHei","黑体","Heiti SC","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;font-weight:normal;font-size:16pt;margin:.6em 0 .2em;break-after:avoid}
.report h3{font-family:"KaiTi","楷体","STKaiti","Noto Serif CJK SC",serif}
.report h4{font-family:inherit}
.report p{text-indent:2em;margin:0;text-align:justify;orphans:2;widows:2}
.report table{border-collapse:collapse;margin:.5em auto;font-size:12pt;line-height:1.4;break-inside:avoid}
.report caption{font-family:"SimHei","黑体","Heiti SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;padding-bottom:.3em}
.report th,.report td{border:1px solid #000;padding:.2em .6em}
.report td.num{text-align:right}
.report table.masthead{width:100%;margin:0}
.report table.masthead td{border:none;padding:0}
@page{size:A4;margin:3.7cm 2.6cm 3.5cm 2.8cm;@bottom-center{content:"— " counter(page) " —";font-size:12pt}}
@media print{.report{max-width:none}}
"#;

/// A writer of the report as text in one format.
pub type Writer = fn(&Report) -> String;

/// The text writer a format's name asks for (`md` or `markdown`, `text` or `txt`, `html`),
/// so the CLI and the JavaScript module take the same names.
pub fn by_name(format: &str) -> Option<Writer> {
    match format {
        "md" | "markdown" => Some(markdown),
        "text" | "txt" => Some(text),
        "html" => Some(html),
        _ => None,
    }
}

/// The report as a standalone HTML page with its print stylesheet. Office suites read
/// little of a stylesheet, so what must survive there is also said in the markup: the
/// paragraphs' fonts and indents and the table rules as inline styles and attributes. The
/// title sits in a borderless one-cell table: LibreOffice's HTML view drops the first
/// line of a page that starts with a paragraph, and leaves page 1 blank.
pub fn html(r: &Report) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<article class=\"report\">\n<table class=\"masthead\" role=\"presentation\" width=\"100%\"><tr><td align=\"center\"><h1 style=\"{HEI};font-size:22pt;font-weight:normal;text-align:center\">{}</h1></td></tr></table>\n",
        escape_html(&r.title),
        escape_html(&r.title)
    );
    for b in &r.blocks {
        match b {
            Block::Heading { level, text } => {
                let h = (*level).clamp(1, 3) + 1;
                out += &format!("<h{h}>{}</h{h}>\n", escape_html(text));
            }
            Block::Prose { text } => out += &paragraph(text),
            Block::Generated(p) => out += &paragraph(&p.text),
            Block::Table(t) => out += &html_table(t),
        }
    }
    out + "</article>\n</body>\n</html>\n"
}

/// The font lists of the inline styles: 黑体 and 仿宋 by every name they go by.
/// Indents are in points (two characters of 16 pt): LibreOffice reads no em there.
const HEI: &str =
    "font-family:'SimHei','黑体','Heiti SC','Noto Sans CJK SC','WenQuanYi Micro Hei',sans-serif";
const FANG: &str =
    "font-family:'FangSong','仿宋','仿宋_GB2312','STFangsong','Noto Serif CJK SC',serif";

fn paragraph(text: &str) -> String {
    format!(
        "<p style=\"{FANG};font-size:16pt;text-indent:32pt;text-align:justify\">{}</p>\n",
        escape_html(text)
    )
}

/// A table as a printed document shows it, ruled by attributes as well as by the sheet.
fn html_table(t: &Table) -> String {
    const RULE: &str = "border:1px solid #000;padding:2pt 6pt";
    let mut out = format!(
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" align=\"center\" width=\"80%\" style=\"border-collapse:collapse\">\n<caption style=\"{HEI};font-size:16pt\">{}</caption>\n",
        escape_html(&t.caption)
    );
    // Widths said outright: an office suite sizes columns by their headings otherwise.
    let n = t.printed.header.len().max(1);
    let rest = 50 / n.saturating_sub(1).max(1);
    out += "<colgroup>";
    for i in 0..n {
        let width = if i == 0 && n > 1 { 50 } else { rest };
        out += &format!("<col width=\"{width}%\">");
    }
    out += "</colgroup>\n<thead><tr>";
    for h in &t.printed.header {
        out += &format!(
            "<th style=\"{RULE};{HEI};font-weight:normal\">{}</th>",
            escape_html(h)
        );
    }
    out += "</tr></thead>\n<tbody>\n";
    for row in &t.printed.rows {
        out += "<tr>";
        for (i, c) in row.iter().enumerate() {
            let (class, align) = if i > 0 {
                (
                    " class=\"num\" nowrap",
                    ";text-align:right;white-space:nowrap",
                )
            } else {
                ("", "")
            };
            out += &format!("<td{class} style=\"{RULE}{align}\">{}</td>", escape_html(c));
        }
        out += "</tr>\n";
    }
    out + "</tbody>\n</table>\n"
}

/// Escapes text for HTML content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The report as Markdown, with tables as pipe tables.
pub fn markdown(r: &Report) -> String {
    let mut out = format!("# {}\n", escape_md(&r.title));
    for b in &r.blocks {
        out += "\n";
        match b {
            Block::Heading { level, text } => {
                let hashes = "#".repeat(usize::from((*level).clamp(1, 3)) + 1);
                out += &format!("{hashes} {}\n", escape_md(text));
            }
            Block::Prose { text } => out += &format!("{}\n", escape_md(text)),
            Block::Generated(p) => out += &format!("{}\n", escape_md(&p.text)),
            Block::Table(t) => {
                out += &format!("{}\n\n", escape_md(&t.caption));
                let row = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| escape_md(c)).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                out += &row(&t.header);
                out += &format!("|{}\n", " --- |".repeat(t.header.len()));
                for r in &t.rows {
                    out += &row(r);
                }
            }
        }
    }
    out
}

/// Escapes the characters Markdown would read as markup or raw HTML.
fn escape_md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The report as plain text, tables tab-separated like the seed.
pub fn text(r: &Report) -> String {
    let mut out = format!("{}\n", r.title);
    for b in &r.blocks {
        out += "\n";
        match b {
            Block::Heading { text, .. } | Block::Prose { text } => out += &format!("{text}\n"),
            Block::Generated(p) => out += &format!("{}\n", p.text),
            Block::Table(t) => {
                out += &format!("{}\n\n{}\n", t.caption, t.header.join("\t"));
                for r in &t.rows {
                    out += &format!("{}\n", r.join("\t"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{report, sample};

    #[test]
    fn formats_by_the_names_the_cli_and_the_module_take() {
        let r = report::report(&sample::sample());
        let writers: [(&str, Writer); 5] = [
            ("md", markdown),
            ("markdown", markdown),
            ("text", text),
            ("txt", text),
            ("html", html),
        ];
        for (name, writer) in writers {
            assert_eq!(by_name(name).map(|w| w(&r)), Some(writer(&r)), "{name}");
        }
        for name in ["docx", "pdf", "", "MD", " html"] {
            assert!(by_name(name).is_none(), "{name:?}");
        }
    }
}
