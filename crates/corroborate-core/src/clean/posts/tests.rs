//! Pasted posts inside articles, and properties on any text.

use super::*;
use crate::clean::boilerplate::strip_boilerplate;
use proptest::prelude::*;

#[test]
fn spanish_tweet_in_english_article() {
    let text = "Protests continued in Lima on Wednesday.\n\n\
                Hoy marchamos por la justicia. ¡No nos callarán! pic.twitter.com/AbC123\n\n\
                — Ana Ruiz (@anaruiz) June 21, 2023\n\n\
                The interior ministry did not respond to a request for comment.\n";
    let p = split_pasted_posts(text);
    assert_eq!(
        p.text,
        "Protests continued in Lima on Wednesday.\n\nThe interior ministry did not respond to a request for comment.\n"
    );
    assert_eq!(p.removed, ["pic.twitter.com/AbC123"]);
    assert_eq!(
        p.posts,
        [EmbeddedPost {
            platform: "twitter".into(),
            account_name: Some("Ana Ruiz".into()),
            handle: Some("anaruiz".into()),
            url: None,
            published: Some("2023-06-21".into()),
            text: "Hoy marchamos por la justicia. ¡No nos callarán!".into(),
            language_hint: None,
        }]
    );
    assert_eq!(p.posts[0].source_name(), "Ana Ruiz (@anaruiz)");
}

#[test]
fn signature_right_under_the_body_with_link_and_time() {
    let text = "Die Lage ist ruhig.\n\n\
                Wir sind mit starken Kräften vor Ort.\nBitte meiden Sie den Bereich.\n\
                -- Polizei Berlin (@polizeiberlin) 21. Juni 2023 https://twitter.com/polizeiberlin/status/123\n\n\
                Später wurden zwei Personen festgenommen.";
    let p = split_pasted_posts(text);
    assert_eq!(
        p.text,
        "Die Lage ist ruhig.\n\nSpäter wurden zwei Personen festgenommen."
    );
    let post = &p.posts[0];
    assert_eq!(
        post.text,
        "Wir sind mit starken Kräften vor Ort.\nBitte meiden Sie den Bereich."
    );
    assert_eq!(
        post.url.as_deref(),
        Some("https://twitter.com/polizeiberlin/status/123")
    );
    assert_eq!(post.published.as_deref(), Some("2023-06-21"));
}

#[test]
fn same_line_signature_and_telegram() {
    let text = "Intro.\n\nEl ministerio confirma dos detenidos. t.me/mininterior — Ministerio del Interior (@mininterior) \
                21 de junio de 2023 at 10:15 AM\n\nOutro.";
    let p = split_pasted_posts(text);
    assert_eq!(p.text, "Intro.\n\nOutro.");
    let post = &p.posts[0];
    assert_eq!(post.platform, "telegram");
    assert_eq!(
        post.account_name.as_deref(),
        Some("Ministerio del Interior")
    );
    assert_eq!(post.published.as_deref(), Some("2023-06-21T10:15:00"));
    assert_eq!(
        post.text,
        "El ministerio confirma dos detenidos. t.me/mininterior"
    );
}

#[test]
fn two_posts_and_a_quote_that_is_not_one() {
    let text = "First tweet.\n― A (@a) 1 June 2023\nSecond tweet https://t.co/q1\n- B (@b_2) June 2, 2023\n\n\
                — Ana (@ana) said the police lied, according to witnesses.";
    let p = split_pasted_posts(text);
    assert_eq!(p.posts.len(), 2);
    assert_eq!(p.posts[1].text, "Second tweet");
    assert_eq!(p.removed, ["https://t.co/q1"]);
    assert_eq!(
        p.text,
        "— Ana (@ana) said the police lied, according to witnesses."
    );
}

#[test]
fn signature_without_body_stays() {
    let text = "— Ana (@ana) June 21, 2023\n\nBody.";
    let p = split_pasted_posts(text);
    assert!(p.posts.is_empty());
    assert_eq!(p.text, text);
}

#[test]
fn pipeline_order_posts_then_boilerplate() {
    let text = "Police said 40 people were held.\n\nEstamos en la plaza. pic.twitter.com/Zz9\n\
                — Colectivo (@colectivo) June 21, 2023\n\nShare on WhatsApp, follow us on Telegram";
    let p = split_pasted_posts(text);
    let s = strip_boilerplate(&p.text);
    assert_eq!(s.text, "Police said 40 people were held.");
    assert_eq!(p.posts[0].text, "Estamos en la plaza.");
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Body of a post pic.twitter.com/x".to_string()),
        Just("— Ana Ruiz (@anaruiz) June 21, 2023".to_string()),
        Just("Text - Bob (@bob) 21. Juni 2023 https://t.me/bob/1".to_string()),
        Just("-- (@x) 2023".to_string()),
        Just("Article sentence.".to_string()),
        Just("".to_string()),
        "\\PC{0,30}",
        any::<String>(),
    ]
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in any::<String>()) {
        let p = split_pasted_posts(&text);
        prop_assert!(p.text.len() <= text.len() + 1);
    }

    #[test]
    fn article_lines_stay_and_post_lines_are_accounted(
        pieces in prop::collection::vec(piece(), 0..10),
        sep in prop::sample::select(vec!["\n", "\n\n"]),
    ) {
        let text = pieces.join(sep);
        let p = split_pasted_posts(&text);
        let out: Vec<&str> = p.text.lines().collect();
        let mut consumed = String::new();
        for post in &p.posts {
            consumed.push_str(&post.text);
            consumed.push(' ');
        }
        for r in &p.removed {
            consumed.push_str(r);
            consumed.push(' ');
        }
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let kept = out.iter().any(|o| o.trim_end() == line.trim_end());
            let signature = line.contains("(@");
            let in_posts = line.split_whitespace().all(|w| consumed.contains(w));
            prop_assert!(kept || signature || in_posts, "line lost: {line:?}");
        }
    }
}

/// Throughput on 1 MB of mixed text, and on adversarial lines (dashes and `(@` everywhere).
/// Run: `cargo test --release -p corroborate-core throughput -- --ignored --nocapture`.
#[test]
#[ignore = "timing; run in release"]
fn throughput() {
    let unit = "Police clash with protesters in Lima, officials said on Wednesday evening.\n\n\
                Share prices fell as traders shared their worries on Telegram. pic.twitter.com/AbC123\n\
                Share on WhatsApp, follow us on Telegram\nFacebook Twitter WhatsApp Email\n\n\
                Hoy marchamos por la justicia. pic.twitter.com/Zz9\n— Ana Ruiz (@anaruiz) June 21, 2023\n\n\
                We use cookies to improve your experience.\nRead more: Minister resigns\n\n";
    let mixed = unit.repeat(1_000_000 / unit.len() + 1);
    let hostile_unit = "a - b (@c) - d (@e ";
    let hostile = hostile_unit.repeat(1_000_000 / hostile_unit.len() + 1);
    let prose_unit = "The interior ministry said on Wednesday that 40 officers were injured in clashes near the \
                      camp, a figure the organisers dispute - they speak of \"a handful\" (@ most).\n\n";
    let prose = prose_unit.repeat(1_000_000 / prose_unit.len() + 1);
    let sig_unit =
        "- - - - - - - - - - - - - - - - - - - - - - - - - - - - — Name (@handle) 1 June 2023\n";
    let sigs = sig_unit.repeat(1_000_000 / sig_unit.len() + 1);
    for (name, text) in [
        ("mixed", &mixed),
        ("prose", &prose),
        ("dashes+signatures", &sigs),
        ("one hostile line", &hostile),
    ] {
        let mb = text.len() as f64 / 1e6;
        let t = std::time::Instant::now();
        let p = split_pasted_posts(text);
        let posts_s = t.elapsed().as_secs_f64();
        let t = std::time::Instant::now();
        let s = strip_boilerplate(text);
        let strip_s = t.elapsed().as_secs_f64();
        println!(
            "{name}: {mb:.2} MB; split_pasted_posts {:.1} MB/s ({} posts), strip_boilerplate {:.1} MB/s ({} removed)",
            mb / posts_s,
            p.posts.len(),
            mb / strip_s,
            s.removed.len()
        );
    }
}
