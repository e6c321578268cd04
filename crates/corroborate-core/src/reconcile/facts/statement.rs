//! The short, human-readable statement of a fact, in English whatever the claims' languages.

use super::align::Group;
use super::lexicon::FactLexicon;
use super::props::{CountShape, Prop};

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// "about 500", "more than 600", "at least 14", "2", "10–20".
fn count_phrase(shape: CountShape) -> Option<String> {
    let (value, min, max, approximate) = shape;
    Some(match (value, min, max) {
        (Some(v), _, _) if approximate => format!("about {}", fmt_num(v)),
        (Some(v), _, _) => fmt_num(v),
        (None, Some(lo), None) if lo > 1.0 && (lo - 1.0) % 10.0 == 0.0 => {
            format!("more than {}", fmt_num(lo - 1.0))
        }
        (None, Some(lo), None) => format!("at least {}", fmt_num(lo)),
        (None, None, Some(hi)) => format!("at most {}", fmt_num(hi)),
        (None, Some(lo), Some(hi)) => format!("{}–{}", fmt_num(lo), fmt_num(hi)),
        (None, None, None) => return None,
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn about_people(predicate: &str, lex: &FactLexicon) -> bool {
    lex.tolls.contains(predicate) || lex.implies(predicate, "harmed")
}

/// The statement of a group.
pub fn statement(g: &Group, props: &[Prop], lex: &FactLexicon) -> String {
    let label = lex.label(&g.predicate);
    let mut s = if g.negative {
        if about_people(&g.predicate, lex) {
            match g.patient.as_str() {
                "police" => format!("No officers {label}"),
                _ => format!("Nobody {label}"),
            }
        } else {
            format!("No {label}")
        }
    } else {
        let counted = g
            .members
            .iter()
            .map(|&m| &props[m])
            .find(|p| p.count_shape.is_some());
        match counted.and_then(|p| Some((count_phrase(p.count_shape?)?, p))) {
            Some((n, p)) => {
                let noun = p.noun.clone().unwrap_or_else(|| match g.patient.as_str() {
                    "police" => "officers".to_string(),
                    _ => "people".to_string(),
                });
                format!("{n} {noun} {label}")
            }
            None if about_people(&g.predicate, lex) => format!("People {label}"),
            None => capitalise(label),
        }
    };
    if let Some(place) = &g.place {
        let place: Vec<String> = place.split_whitespace().map(capitalise).collect();
        s.push_str(&format!(" in {}", place.join(" ")));
    }
    if let Some(d) = &g.date {
        if d.first == d.last {
            s.push_str(&format!(" on {}", d.first));
        } else {
            s.push_str(&format!(" between {} and {}", d.first, d.last));
        }
    }
    capitalise(&s)
}
