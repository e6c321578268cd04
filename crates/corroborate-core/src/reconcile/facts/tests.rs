//! End-to-end tests of fact reconciliation on small stories written for them, in English and German, through
//! the whole pipeline (ingest → extract → reconcile).

use crate::model::Polarity;
use crate::test_support::analyze_texts;

use super::*;

fn analyse(files: &[(&str, &str)]) -> (Vec<Document>, Reconciled) {
    let a = analyze_texts(files);
    let r = reconcile(&a.documents, &EntityIndex::new(), &ShingleCopies::default());
    (a.documents, r)
}

fn facts_of<'a>(r: &'a Reconciled, predicate: &str, polarity: Polarity) -> Vec<&'a Fact> {
    r.facts
        .iter()
        .filter(|f| f.predicate == predicate && f.polarity == polarity)
        .collect()
}

fn types(f: &Fact) -> Vec<DisputeType> {
    let mut t: Vec<DisputeType> = f.disputes.iter().map(|d| d.kind).collect();
    t.sort();
    t.dedup();
    t
}

fn dump(r: &Reconciled) -> String {
    r.facts
        .iter()
        .map(|f| {
            format!(
                "{} {:?} {:?} {:?} {:?} {:?}",
                f.id,
                f.statement,
                f.status,
                f.sources,
                types(f),
                f.supported_by
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub const EN_STORY: &[(&str, &str)] = &[
    (
        "north-herald.txt",
        "---\nsource: North Herald\npublished: 2024-03-04\ntitle: Police raid Orchard Street market\n---\n\
Police spokesman Jan Miller said that 15 people were arrested.\n\n\
Mayor Lena Stark said that officers did not use tear gas.\n\n\
Protesters attacked the depot in Kestrel on Monday, witnesses said.\n",
    ),
    (
        "river-times.txt",
        "---\nsource: River Times\npublished: 2024-03-04\n---\n\
Market traders said that more than 100 people were arrested.\n\n\
Police chief Omar Vance admitted that officers used tear gas.\n\n\
Doctors at the city hospital said that 9 people were injured.\n\n\
The traders' association said that two people died.\n\n\
The Interior Ministry denied that anyone was killed.\n",
    ),
    (
        "wire.jsonl",
        "{\"source\": \"Wire Agency\", \"published\": \"2024-03-04\", \"text\": \"Doctors at the city hospital said that 9 people were injured. Protesters attacked the depot in Marrow on Monday, a witness said. The agency's reporter saw the market fenced off after the raid.\"}\n\
{\"source\": \"Copy Daily\", \"published\": \"2024-03-04\", \"text\": \"Doctors at the city hospital said that 9 people were injured. Protesters attacked the depot in Marrow on Monday, a witness said. The agency's reporter saw the market fenced off after the raid.\"}\n",
    ),
];

#[test]
fn english_story_disputes_and_independence() {
    let (_, r) = analyse(EN_STORY);
    let d = dump(&r);
    // Numeric: 15 against more than 100 arrested.
    let arrested = facts_of(&r, "arrested", Polarity::Affirms);
    assert_eq!(arrested.len(), 2, "{d}");
    assert!(
        arrested
            .iter()
            .all(|f| f.status == Status::Disputed && types(f) == [DisputeType::Numeric]),
        "{d}"
    );
    // Same side: the mayor denies tear gas, her police chief admits it.
    let gas = facts_of(&r, "used_tear_gas", Polarity::Affirms);
    assert_eq!(gas.len(), 1, "{d}");
    assert_eq!(types(gas[0]), [DisputeType::SameSide], "{d}");
    assert!(
        gas[0]
            .disputes
            .iter()
            .all(|x| x.basis == DisputeType::Polarity),
        "{d}"
    );
    // Polarity: two died against the ministry's denial.
    let killed = facts_of(&r, "killed", Polarity::Affirms);
    assert_eq!(killed.len(), 1, "{d}");
    assert_eq!(types(killed[0]), [DisputeType::Polarity], "{d}");
    // Place: the depot attacked in Kestrel or in Marrow.
    let attacked = facts_of(&r, "attacked", Polarity::Affirms);
    assert_eq!(attacked.len(), 2, "{d}");
    assert!(
        attacked.iter().all(|f| types(f) == [DisputeType::Place]),
        "{d}"
    );
    // Independence: 9 injured from the hospital via the River Times and the wire (its copy counts once).
    let injured = facts_of(&r, "injured", Polarity::Affirms);
    assert_eq!(injured.len(), 1, "{d}");
    assert_eq!(injured[0].status, Status::Corroborated, "{d}");
    assert_eq!(injured[0].supported_by.len(), 3, "{d}");
    assert_eq!(injured[0].sources, ["River Times", "Wire Agency"], "{d}");
}

pub const DE_STORY: &[(&str, &str)] = &[
    (
        "tagblatt.txt",
        "---\nsource: Tagblatt\npublished: 2024-05-10\n---\n\
Das Rathaus von Lerchenfeld wurde am 8. Mai 2024 angegriffen.\n\n\
Die Polizei teilte mit, dass drei Menschen getötet wurden.\n\n\
Innenministerin Eva Roth sagte, dass niemand verletzt wurde.\n",
    ),
    (
        "bote.txt",
        "---\nsource: Landbote\npublished: 2024-05-12\n---\n\
Das Rathaus von Lerchenfeld wurde am 9. Mai 2024 angegriffen.\n\n\
Die Polizei teilte mit, dass sieben Menschen getötet wurden.\n\n\
Polizeichef Karl Brenner räumte ein, dass zwei Beamte verletzt wurden.\n",
    ),
];

#[test]
fn german_story_update_date_and_same_side() {
    let (_, r) = analyse(DE_STORY);
    let d = dump(&r);
    // A later, higher toll is an update, not a dispute.
    let killed = facts_of(&r, "killed", Polarity::Affirms);
    assert_eq!(killed.len(), 2, "{d}");
    assert!(killed.iter().all(|f| f.disputed_by.is_empty()), "{d}");
    assert_eq!(
        killed.iter().map(|f| f.updates.len()).sum::<usize>(),
        1,
        "{d}"
    );
    // Date: attacked on 8 May or on 9 May.
    let attacked = facts_of(&r, "attacked", Polarity::Affirms);
    assert_eq!(attacked.len(), 2, "{d}");
    assert!(
        attacked.iter().all(|f| types(f) == [DisputeType::Date]),
        "{d}"
    );
    // Same side: the interior minister says nobody was hurt, her police chief admits two officers were.
    let injured = facts_of(&r, "injured", Polarity::Affirms);
    assert_eq!(injured.len(), 1, "{d}");
    assert_eq!(types(injured[0]), [DisputeType::SameSide], "{d}");
}

#[test]
fn claim_ids_match_the_dossier_numbering() {
    let (docs, r) = analyse(EN_STORY);
    assert_eq!(
        r.claims.len(),
        docs.iter().map(|d| d.layers.claims.len()).sum::<usize>()
    );
    let ids = crate::report::dossier::claims_out(&docs, &EntityIndex::new());
    for f in &r.facts {
        for c in f.supported_by.iter().chain(&f.disputed_by) {
            assert!(ids.iter().any(|x| &x.id == c));
        }
    }
}

/// Two events of one kind in one run: a police raid on a harbour camp in Port Selwyn, where two people died,
/// and a raid on a student dormitory in Aldenbrook a month later, where the ministry denies anyone was killed.
/// Reconciled as one story the denial would dispute the deaths in Port Selwyn; story by story it must not.
const TWO_EVENTS: &[(&str, &str)] = &[
    (
        "harbour-gazette.txt",
        "---\nsource: Harbour Gazette\npublished: 2024-02-12\ntitle: Two dead as police clear Saltmarsh camp in Port Selwyn\n---\n\
Riot police cleared the Saltmarsh fishermen's camp on the Port Selwyn quay before dawn on Sunday.\n\n\
The Dock Workers' Union said that two people were killed when a trawler shed collapsed during the eviction.\n\n\
Union organiser Harriet Quill said the fishermen had occupied the quay since November to protest the sale of \
the harbour to a cruise operator.\n",
    ),
    (
        "selwyn-echo.txt",
        "---\nsource: Selwyn Echo\npublished: 2024-02-13\n---\n\
The Saltmarsh camp on the Port Selwyn quay is gone. Harriet Quill of the Dock Workers' Union said that two \
people were killed in the collapse of the trawler shed as riot police moved in.\n\n\
The cruise operator that bought the harbour declined to comment on the eviction of the fishermen.\n",
    ),
    (
        "campus-post.txt",
        "---\nsource: Campus Post\npublished: 2024-03-20\ntitle: Police raid Aldenbrook student dormitory\n---\n\
Police raided the Linden Hall dormitory of Aldenbrook University on Tuesday night, searching rooms of the \
student council that organised the tuition strike.\n\n\
The Education Ministry denied that anyone was killed during the raid on Linden Hall.\n\n\
Student council president Tomas Reyk said that officers broke doors on every floor of the dormitory.\n",
    ),
    (
        "aldenbrook-daily.txt",
        "---\nsource: Aldenbrook Daily\npublished: 2024-03-21\n---\n\
Students of Aldenbrook University returned to Linden Hall after the police raid on the dormitory. Tomas Reyk \
of the student council said the tuition strike would go on, and that officers had broken doors at Linden Hall.\n",
    ),
];

#[test]
fn facts_of_different_stories_never_meet() {
    let a = analyze_texts(TWO_EVENTS);
    let stories = crate::reconcile::stories::group_stories(&a.documents);
    let members: Vec<&[String]> = stories.iter().map(|s| s.documents.as_slice()).collect();
    assert_eq!(
        members,
        [&["d1", "d2"][..], &["d3", "d4"][..]],
        "{stories:?}"
    );

    let r = reconcile_stories(
        &a.documents,
        &stories,
        &EntityIndex::new(),
        &ShingleCopies::default(),
    );
    let d = dump(&r);
    let killed = facts_of(&r, "killed", Polarity::Affirms);
    assert_eq!(killed.len(), 1, "{d}");
    assert_eq!(killed[0].story, "s1", "{d}");
    assert!(killed[0].disputed_by.is_empty(), "{d}");
    assert_eq!(killed[0].status, Status::Corroborated, "{d}");
    let denied = facts_of(&r, "killed", Polarity::Denies);
    assert_eq!(denied.len(), 1, "{d}");
    assert_eq!(denied[0].story, "s2", "{d}");

    // The same documents taken as one story: the denial now disputes the deaths.
    let whole = reconcile(&a.documents, &EntityIndex::new(), &ShingleCopies::default());
    let killed = facts_of(&whole, "killed", Polarity::Affirms);
    assert_eq!(killed.len(), 1, "{}", dump(&whole));
    assert_eq!(killed[0].status, Status::Disputed, "{}", dump(&whole));
}

#[test]
fn a_question_supports_no_fact() {
    let (docs, r) = analyse(&[
        (
            "a.txt",
            "---\nsource: Harbour Post\npublished: 2024-05-02\n---\n\
Opposition leader Mara Quint asked whether two people were killed in the raid.\n",
        ),
        (
            "b.txt",
            "---\nsource: Valley News\npublished: 2024-05-02\n---\n\
The hospital director Ivo Brandt said that two people were killed in the raid.\n",
        ),
    ]);
    let question = docs
        .iter()
        .flat_map(|d| d.layers.claims.iter().map(move |c| (d, c)))
        .find(|(d, c)| {
            c.content
                .slice(&d.text)
                .is_some_and(|t| t.starts_with("whether"))
        })
        .map(|(_, c)| c)
        .expect("the question is a claim of its asker");
    assert!(question.hedged, "a question puts nothing forward as true");
    let killed = facts_of(&r, "killed", Polarity::Affirms);
    assert_eq!(killed.len(), 1, "{}", dump(&r));
    assert_eq!(
        killed[0].status,
        Status::SingleSource,
        "only the director's statement supports it: {}",
        dump(&r)
    );
}
