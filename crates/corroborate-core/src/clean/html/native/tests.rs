//! Small hand-written pages: what the native extractor keeps and drops, and when it is unsure.

use super::extract;

fn run(page: &str) -> super::Extraction {
    extract(&scraper::Html::parse_document(page))
}

const PROSE_A: &str = "The regional council voted on Tuesday to close the old river bridge for at least six months, \
     after engineers found cracks in two of its supporting piers during a routine inspection.";
const PROSE_B: &str = "Commuters will have to use the ring road instead, which the council expects to add around \
     twenty minutes to a typical journey into the city centre during the morning rush hour.";
const PROSE_C: &str = "Opposition members said the closure could have been avoided if repairs planned in 2019 had \
     not been postponed, and they asked for the inspection reports to be published in full.";
const PROSE_D: &str = "A spokesperson for the council said the reports would be released next week, once the \
     engineers had finished their assessment of the remaining piers and the approach ramps.";

#[test]
fn keeps_the_story_drops_nav_related_footer_and_comments() {
    let page = format!(
        r##"<html><body>
        <header><nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
          <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
        <div class="layout has-sidebar">
          <article>
            <h1>Bridge closed for repairs</h1>
            <p class="byline">By A. Reporter</p>
            <p>{PROSE_A}</p>
            <p>{PROSE_B}</p>
            <h2>Avoidable closure</h2>
            <p>{PROSE_C}</p>
            <p>{PROSE_D}</p>
            <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
          </article>
          <aside class="related-stories"><h3>Related</h3>
            <ul><li><a href="/a">Council approves new budget for road maintenance across the region this year</a></li>
            <li><a href="/b">Ring road works to finish early, transport officials say after long delays</a></li></ul></aside>
          <section id="comments"><h3>Comments</h3>
            <div class="comment"><p>I drive over that bridge every day and have seen the cracks for years, this is no surprise to anyone who lives here.</p></div>
            <div class="comment"><p>Typical of this council, always waiting until something breaks before spending a penny on repairs to anything.</p></div>
          </section>
        </div>
        <footer><p>© 2024 The Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
        </body></html>"##
    );
    let x = run(&page);
    assert!(x.confident);
    let paras: Vec<&str> = x.text.split("\n\n").collect();
    for p in [PROSE_A, PROSE_B, PROSE_C, PROSE_D, "Avoidable closure"] {
        assert!(paras.contains(&p), "{p:?} missing from {paras:#?}");
    }
    for gone in [
        "Home",
        "Share on",
        "Council approves",
        "cracks for years",
        "Typical of this council",
        "All rights reserved",
        "Privacy",
    ] {
        assert!(!x.text.contains(gone), "{gone:?} leaked into {}", x.text);
    }
}

#[test]
fn article_split_over_sibling_divs_is_kept_whole() {
    let page = format!(
        r##"<html><body>
        <div class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></div>
        <div id="story">
          <div class="text-block"><p>{PROSE_A}</p></div>
          <div class="ad-slot inline-ad">Advertisement</div>
          <div class="text-block"><p>{PROSE_B}</p><p>{PROSE_C}</p></div>
          <div class="text-block"><p>{PROSE_D}</p></div>
        </div>
        <div class="footer-links"><a href="/about">About us</a> <a href="/jobs">Jobs</a></div>
        </body></html>"##
    );
    let x = run(&page);
    assert!(x.confident);
    assert_eq!(
        x.text,
        format!("{PROSE_A}\n\n{PROSE_B}\n\n{PROSE_C}\n\n{PROSE_D}")
    );
}

#[test]
fn inline_markup_never_splits_a_paragraph() {
    let page = format!(
        "<html><body><article><p>The <b>regional</b> council <a href=\"/c\">voted</a> on Tuesday to close the \
         old river bridge for at least <em>six months</em>, after engineers found cracks in two piers.</p>\
         <p>{PROSE_B}</p><p>{PROSE_C}</p></article></body></html>"
    );
    let x = run(&page);
    let first = x.text.split("\n\n").next().unwrap_or_default();
    assert!(
        first.starts_with("The regional council voted on Tuesday"),
        "{first}"
    );
    assert!(first.ends_with("cracks in two piers."), "{first}");
}

#[test]
fn listing_page_is_not_trusted() {
    let mut items = String::new();
    for i in 0..12 {
        items.push_str(&format!(
            "<div class=\"card\"><h3><a href=\"/s{i}\">Headline number {i} about the day's events</a></h3>\
             <p>A short teaser for story {i}, two lines at most.</p></div>"
        ));
    }
    let page = format!(
        "<html><body><nav><a href=\"/\">Home</a></nav><h1>Latest news</h1><div class=\"grid\">{items}</div>\
         <footer>Contact</footer></body></html>"
    );
    let x = run(&page);
    assert!(!x.confident, "{}", x.text);
    assert!(!x.text.contains("Headline number"), "{}", x.text);
}

#[test]
fn hidden_and_embedded_content_is_left_out() {
    let page = format!(
        "<html><body><article><p>{PROSE_A}</p><div style=\"display: none\">Hidden promo text</div>\
         <blockquote class=\"twitter-tweet\"><p>Posted words of someone else entirely.</p></blockquote>\
         <div class=\"cookie-notice\">We use cookies to improve your experience on this site.</div>\
         <p>{PROSE_B}</p></article></body></html>"
    );
    let x = run(&page);
    assert_eq!(x.text, format!("{PROSE_A}\n\n{PROSE_B}"));
}

#[test]
fn empty_and_text_only_pages() {
    assert_eq!(run("").text, "");
    assert!(!run("<html><body></body></html>").confident);
    let x = run(&format!("<html><body>{PROSE_A}</body></html>"));
    assert_eq!(x.text, PROSE_A);
}
