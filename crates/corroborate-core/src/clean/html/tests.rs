//! Tests over hand-written fixture pages (tests/fixtures/html) and generated tag soup.

use proptest::prelude::*;

use super::extract_article;

const NEWS_ES: &str = include_str!("../../../tests/fixtures/html/news_es_tweet.html");
const IG_FB: &str = include_str!("../../../tests/fixtures/html/instagram_facebook.html");
const BROKEN: &str = include_str!("../../../tests/fixtures/html/broken.html");
const EMPTY: &str = include_str!("../../../tests/fixtures/html/empty.html");

#[test]
fn news_page_metadata() {
    let a = extract_article(
        NEWS_ES,
        Some("https://diario.example/politica/protesta-valdera?utm=x"),
    );
    assert_eq!(
        a.title.as_deref(),
        Some("Protesta en Valdera termina con doce detenidos")
    );
    assert_eq!(a.authors, vec!["Marta Quintero", "Iker Salas"]);
    assert_eq!(a.published.as_deref(), Some("2023-06-21T09:30:00+02:00"));
    assert_eq!(a.language_hint.as_deref(), Some("es"));
    assert_eq!(a.site_name.as_deref(), Some("Diario del Valle"));
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://diario.example/politica/protesta-valdera")
    );
}

#[test]
fn news_page_text_keeps_the_story_and_drops_the_furniture() {
    let a = extract_article(NEWS_ES, None);
    let t = &a.text;
    assert!(
        t.starts_with("La policía regional detuvo") || t.contains("\n\nLa policía regional detuvo"),
        "{t}"
    );
    assert!(t.contains("ninguna tuvo que ser ingresada"), "{t}");
    assert!(t.contains("El alcalde, Tomás Herrero, negó"), "{t}");
    for furniture in [
        "Portada",
        "Usamos cookies",
        "Aceptar",
        "Lo más leído",
        "Todos los derechos",
        "Aviso legal",
    ] {
        assert!(!t.contains(furniture), "{furniture:?} leaked into {t}");
    }
    assert!(
        !t.contains('<') && !t.contains("  "),
        "markup or runs of spaces: {t}"
    );
    assert!(
        !t.contains("\n\n\n"),
        "paragraphs are separated by one blank line"
    );
    let paras: Vec<&str> = t.split("\n\n").collect();
    assert!(paras.len() >= 4, "{paras:?}");
}

#[test]
fn news_page_tweet_is_a_post_not_text() {
    let a = extract_article(NEWS_ES, None);
    assert_eq!(a.posts.len(), 1);
    let p = &a.posts[0];
    assert_eq!(p.platform, "twitter");
    assert_eq!(p.account_name.as_deref(), Some("Plataforma Vecinal"));
    assert_eq!(p.handle.as_deref(), Some("vecinosvaldera"));
    assert_eq!(
        p.url.as_deref(),
        Some("https://twitter.com/vecinosvaldera/status/1671234567890123456")
    );
    assert_eq!(p.published.as_deref(), Some("2023-06-20"));
    assert_eq!(p.language_hint.as_deref(), Some("es"));
    assert_eq!(
        p.text,
        "Doce detenidos en Valdera. Exigimos su liberación inmediata y el fin de la represión contra los vecinos"
    );
    // The link debris of the tweet, and the share bar inside the article container, are reported as removed.
    assert_eq!(
        a.removed,
        vec![
            "pic.twitter.com/AbCdEf123",
            "Share on WhatsApp Share on Facebook Follow us on Telegram"
        ]
    );
    assert!(
        !a.text.contains("Exigimos su liberación"),
        "post text leaked: {}",
        a.text
    );
    assert!(!a.text.contains("pic.twitter.com"));
    assert!(!a.text.contains("vecinosvaldera"));
}

#[test]
fn instagram_and_facebook_embeds() {
    let a = extract_article(IG_FB, None);
    assert_eq!(
        a.title.as_deref(),
        Some("Flooding closes the riverside road")
    );
    assert_eq!(a.authors, vec!["Dana Whitfield"]);
    assert_eq!(a.published.as_deref(), Some("2024-03-02T14:05:00Z"));
    assert_eq!(a.language_hint.as_deref(), Some("en"));
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://gazette.example/news/flooding-riverside-road")
    );
    assert_eq!(a.posts.len(), 2, "{:#?}", a.posts);

    let ig = &a.posts[0];
    assert_eq!(ig.platform, "instagram");
    assert_eq!(ig.account_name.as_deref(), Some("Old Mill Keeper"));
    assert_eq!(ig.handle.as_deref(), Some("millkeeper"));
    assert_eq!(
        ig.url.as_deref(),
        Some("https://www.instagram.com/p/C4xYz12AbCd/")
    );
    assert_eq!(ig.published.as_deref(), Some("2024-03-02T08:12:45+00:00"));
    assert_eq!(
        ig.text,
        "The mill steps this morning. Never seen the water this high in thirty years."
    );

    let fb = &a.posts[1];
    assert_eq!(fb.platform, "facebook");
    assert_eq!(fb.account_name.as_deref(), Some("County Fire Service"));
    assert_eq!(fb.handle.as_deref(), Some("CountyFireService"));
    assert_eq!(
        fb.url.as_deref(),
        Some("https://www.facebook.com/CountyFireService/posts/123456789012345")
    );
    assert_eq!(fb.published.as_deref(), Some("2024-03-02"));
    assert!(
        fb.text
            .starts_with("Please do not drive through flood water.")
    );

    for leaked in [
        "mill steps this morning",
        "View this post",
        "Please do not drive",
        "Posted by",
        "millkeeper",
    ] {
        assert!(
            !a.text.contains(leaked),
            "{leaked:?} leaked into {}",
            a.text
        );
    }
    assert!(a.text.contains("The riverside road was closed"));
    assert!(a.text.contains("should begin to fall"));
}

#[test]
fn telegram_embed_with_text() {
    let html = r#"<html><body><article><p>Long enough article paragraph about the events of the day in the capital city, told by our reporter on the ground.</p>
        <blockquote class="telegram-post"><p>Air raid alert in the capital. Stay in shelters.</p>— City Administration (@cityadmin) <a href="https://t.me/cityadmin/4521">June 21, 2023</a></blockquote>
        <script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="cityadmin/4521"></script>
        </article></body></html>"#;
    let a = extract_article(html, None);
    assert_eq!(a.posts.len(), 1, "{:#?}", a.posts);
    let p = &a.posts[0];
    assert_eq!(p.platform, "telegram");
    assert_eq!(p.handle.as_deref(), Some("cityadmin"));
    assert_eq!(p.account_name.as_deref(), Some("City Administration"));
    assert_eq!(p.url.as_deref(), Some("https://t.me/cityadmin/4521"));
    assert_eq!(p.published.as_deref(), Some("2023-06-21"));
    assert_eq!(p.text, "Air raid alert in the capital. Stay in shelters.");
    assert!(!a.text.contains("Air raid"));
}

#[test]
fn broken_html_is_read_without_panicking() {
    let a = extract_article(BROKEN, None);
    assert_eq!(a.title.as_deref(), Some("Unclosed & broken"));
    assert!(
        a.text.contains("The first paragraph of a page"),
        "{}",
        a.text
    );
    assert!(
        !a.text.contains("<p") && !a.text.contains("<span"),
        "{}",
        a.text
    );
}

#[test]
fn page_without_content_gives_empty_text() {
    let a = extract_article(EMPTY, None);
    assert_eq!(a.text, "");
    assert!(a.posts.is_empty());
    assert_eq!(extract_article("", None).text, "");
}

#[test]
fn title_suffix_is_dropped_from_the_title_tag() {
    let a = extract_article(
        "<html><head><title>Dam breaks after storm | The Courier</title></head><body></body></html>",
        None,
    );
    assert_eq!(a.title.as_deref(), Some("Dam breaks after storm"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        let _ = extract_article(&s, Some(&s));
    }

    #[test]
    fn tag_soup_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class=\"twitter-tweet\">".to_string()),
            Just("<blockquote class=\"instagram-media\">".to_string()), Just("</blockquote>".to_string()),
            Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":[".to_string()),
            Just("</script>".to_string()), Just("<time datetime=\"2023-13-45\">".to_string()),
            Just("(@".to_string()), Just("— ".to_string()), Just("<a href=\"https://t.me/".to_string()),
            Just("<table><tr><td>".to_string()), Just("<meta property=\"og:title\" content=\"".to_string()),
            "[a-zA-Z áé<>/\"=&;]{0,40}",
        ],
        0..60,
    )) {
        let html = parts.concat();
        let _ = extract_article(&html, None);
    }
}

#[test]
fn fragments_keep_inline_markup_inside_paragraphs() {
    let a = extract_article(
        "<p>Second <b>record</b>.</p><p>Third\nline of <a href='x'>text</a>.</p>",
        None,
    );
    assert_eq!(a.text, "Second record.\n\nThird line of text.");
}

#[test]
fn short_pages_keep_their_paragraph_boundaries() {
    let page = "<html><body><article><p>Police cleared the camp on <b>Tuesday</b>, officials said.</p>\
                <p>Second paragraph with <em>emphasis</em> here.</p></article></body></html>";
    let a = extract_article(page, None);
    assert_eq!(
        a.text,
        "Police cleared the camp on Tuesday, officials said.\n\nSecond paragraph with emphasis here."
    );
}
