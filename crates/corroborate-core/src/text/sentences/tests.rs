use super::split_sentences;

fn sentences<'t>(text: &'t str, lang: &str) -> Vec<&'t str> {
    split_sentences(text, lang).iter().filter_map(|s| s.slice(text)).collect()
}

#[test]
fn smoke() {
    assert_eq!(sentences("Hello World. My name is Jonas.", "en"), ["Hello World.", "My name is Jonas."]);
}
