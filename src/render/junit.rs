//! JUnit XML for CI test-report widgets: one test case per rule, failing once per finding,
//! so a clean plan shows every rule as passed.

use crate::plan::report::Report;
use crate::plan::rules::RULES;

fn xml(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            // Characters XML 1.0 does not allow at all.
            c if ((c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r'))
                || matches!(c, '\u{fffe}' | '\u{ffff}') =>
            {
                o.push('\u{fffd}')
            }
            c => o.push(c),
        }
    }
    o
}

pub fn render(report: &Report) -> String {
    let mut cases = String::new();
    let mut tests = 0;
    let mut failures = 0;
    for r in RULES {
        let hits: Vec<_> = report.findings.iter().filter(|f| f.rule == r.id).collect();
        if hits.is_empty() {
            tests += 1;
            cases.push_str(&format!(
                "    <testcase classname=\"cloudops.{}\" name=\"{} {}\"/>\n",
                r.id,
                r.id,
                xml(r.name)
            ));
            continue;
        }
        for f in hits {
            tests += 1;
            failures += 1;
            let target = f.address.as_deref().unwrap_or("plan");
            cases.push_str(&format!(
                "    <testcase classname=\"cloudops.{}\" name=\"{} {}: {}\">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                r.id,
                r.id,
                xml(r.name),
                xml(target),
                f.severity.label(),
                xml(&f.message),
                xml(r.rationale)
            ));
        }
    }
    // Policy rules have no table entry; each of their results is a failed case of its own.
    for f in report
        .findings
        .iter()
        .filter(|f| !RULES.iter().any(|r| r.id == f.rule))
    {
        tests += 1;
        failures += 1;
        let target = f.address.as_deref().unwrap_or("plan");
        cases.push_str(&format!(
            "    <testcase classname=\"cloudops.{}\" name=\"{}: {}\">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
            xml(&f.rule),
            xml(&f.rule),
            xml(target),
            f.severity.label(),
            xml(&f.message),
            xml(&f.rule_name)
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cloudops plan analyze\" tests=\"{tests}\" failures=\"{failures}\">\n  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n    <properties>\n      <property name=\"summary\" value=\"{}\"/>\n    </properties>\n{cases}  </testsuite>\n</testsuites>\n",
        xml(&report.source),
        xml(&report.summary.plan_line())
    )
}
