//! Prints the claims found in the text read from standard input, one line each (speaker | cue | content): a
//! quick look at what the claim finder makes of a sentence while working on its patterns. With
//! `CLAIMS_DEBUG_ALL` set, each line also shows the stance, polarity, hedge flag and intermediary.

use corroborate_core::extract::claims::find_claims;
use corroborate_core::model::Document;
use corroborate_core::text::sentences::split_sentences;
use std::io::Read;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("claims_debug: standard input is not UTF-8 text");
        return;
    }
    let lang = std::env::args().nth(1).unwrap_or_else(|| "en".to_string());
    let mut doc = Document::from_text("stdin", "stdin", &text, &lang);
    doc.layers.sentences = split_sentences(&text, &lang);
    for c in find_claims(&doc, &lang) {
        let slice = |s: Option<corroborate_core::model::Span>| {
            s.and_then(|s| s.slice(&doc.text))
                .unwrap_or("-")
                .to_string()
        };
        let mut flags = String::new();
        if std::env::var_os("CLAIMS_DEBUG_ALL").is_some() {
            flags = format!(
                " | {:?} {:?} hedged={} via={:?}",
                c.stance, c.polarity, c.hedged, c.via_text
            );
        }
        println!(
            "{:?} | src={:?} | cue={:?} | content={:?}{flags}",
            c.mode,
            slice(c.speaker_span),
            slice(c.cue_span),
            c.content.slice(&doc.text).unwrap_or("")
        );
    }
}
