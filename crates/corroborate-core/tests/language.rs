//! Accuracy of `detect_language` on sentences written for these tests (news-style, about one made-up harbour
//! explosion), its `None` cases, the hint tie-break, and (ignored by default) its speed.
//!
//! Run the accuracy table with `cargo test -p corroborate-core --test language -- --nocapture`, the speed figures
//! with `cargo test --release -p corroborate-core --test language -- --ignored --nocapture`.

use std::collections::BTreeMap;
use std::time::Instant;

use corroborate_core::text::language::{SUPPORTED_LANGUAGES, detect_language, language_sample};

/// Short, tweet-like texts (6-12 words), written for these tests: (expected code, text).
const SHORT: &[(&str, &str)] = &[
    (
        "en",
        "Police closed the bridge after the explosion this morning",
    ),
    (
        "en",
        "Two people were injured, according to the fire brigade",
    ),
    ("en", "The minister will speak to reporters later today"),
    (
        "en",
        "Witnesses say the train left the station without any warning",
    ),
    (
        "en",
        "We are still waiting for official numbers from the hospital",
    ),
    (
        "en",
        "@cityalerts Bridge closed after blast, avoid the whole area please 🚨 https://t.co/x1y2 #breaking",
    ),
    (
        "de",
        "Die Polizei hat die Brücke nach der Explosion gesperrt",
    ),
    ("de", "Zwei Menschen wurden laut Feuerwehr leicht verletzt"),
    (
        "de",
        "Der Minister will sich am Abend zu dem Vorfall äußern",
    ),
    (
        "de",
        "Augenzeugen berichten von einem lauten Knall gegen Mitternacht",
    ),
    (
        "de",
        "Wir warten noch auf genaue Zahlen aus dem Krankenhaus",
    ),
    ("de", "Das ist nicht gut für die Stadt und ihre Leute"),
    (
        "de",
        "@polizei_bln Brücke ist gesperrt, bitte weiträumig umfahren! 🚧 #Einsatz https://t.co/ab12",
    ),
    ("nl", "De politie heeft de brug na de explosie afgesloten"),
    ("nl", "Volgens de brandweer raakten twee mensen lichtgewond"),
    (
        "nl",
        "De minister wil vanavond met journalisten praten over het ongeluk",
    ),
    (
        "nl",
        "Ooggetuigen spreken van een harde knal rond middernacht",
    ),
    (
        "nl",
        "We wachten nog op precieze cijfers van het ziekenhuis",
    ),
    (
        "nl",
        "@nos Brug is dicht, mijd het gebied alsjeblieft 🚨 #explosie https://t.co/q9",
    ),
    (
        "fr",
        "La police a fermé le pont après l'explosion de ce matin",
    ),
    (
        "fr",
        "Deux personnes ont été légèrement blessées selon les pompiers",
    ),
    ("fr", "Le ministre doit s'exprimer devant la presse ce soir"),
    (
        "fr",
        "Des témoins parlent d'une forte détonation vers minuit",
    ),
    (
        "fr",
        "Nous attendons encore les chiffres exacts de l'hôpital",
    ),
    (
        "fr",
        "@prefpolice Pont fermé, merci d'éviter tout le secteur 🚒 #explosion https://t.co/zz1",
    ),
    (
        "it",
        "La polizia ha chiuso il ponte dopo l'esplosione di stamattina",
    ),
    (
        "it",
        "Secondo i vigili del fuoco due persone sono rimaste ferite",
    ),
    ("it", "Il ministro parlerà ai giornalisti questa sera"),
    (
        "it",
        "Alcuni testimoni raccontano di un forte boato verso mezzanotte",
    ),
    ("it", "Aspettiamo ancora i numeri precisi dall'ospedale"),
    (
        "it",
        "@poliziadistato Ponte chiuso, evitate la zona per favore 🚨 #esplosione https://t.co/k7",
    ),
    (
        "es",
        "La policía cerró el puente tras la explosión de esta mañana",
    ),
    (
        "es",
        "Según los bomberos, dos personas resultaron heridas leves",
    ),
    ("es", "El ministro hablará con los periodistas esta noche"),
    (
        "es",
        "Varios testigos hablan de un fuerte estruendo hacia la medianoche",
    ),
    ("es", "Todavía esperamos las cifras exactas del hospital"),
    (
        "es",
        "@emergencias Puente cortado, eviten la zona por favor 🚨 #explosión https://t.co/p3",
    ),
    (
        "pt",
        "A polícia fechou a ponte depois da explosão desta manhã",
    ),
    (
        "pt",
        "Segundo os bombeiros, duas pessoas ficaram levemente feridas",
    ),
    ("pt", "O ministro vai falar com os jornalistas hoje à noite"),
    (
        "pt",
        "Várias testemunhas falam de um estrondo forte perto da meia-noite",
    ),
    (
        "pt",
        "Ainda estamos à espera dos números exatos do hospital",
    ),
    (
        "pt",
        "@protecaocivil Ponte fechada, evitem a zona por favor 🚨 #explosão https://t.co/r5",
    ),
    (
        "ru",
        "Полиция перекрыла мост после взрыва, который произошёл сегодня утром",
    ),
    (
        "ru",
        "По данным пожарных, два человека получили лёгкие ранения",
    ),
    (
        "ru",
        "Министр выступит перед журналистами сегодня вечером в столице",
    ),
    (
        "ru",
        "Свидетели рассказывают о громком хлопке около полуночи",
    ),
    ("ru", "Мы всё ещё ждём точных данных из больницы"),
    (
        "ru",
        "@mchs Мост перекрыт, просим объезжать район 🚨 #взрыв https://t.co/m1",
    ),
    ("ar", "أغلقت الشرطة الجسر بعد الانفجار الذي وقع صباح اليوم"),
    ("ar", "أصيب شخصان بجروح طفيفة بحسب الدفاع المدني"),
    ("ar", "سيتحدث الوزير إلى الصحفيين مساء اليوم في العاصمة"),
    ("ar", "يقول شهود عيان إنهم سمعوا دويا قويا قرب منتصف الليل"),
    ("ar", "ما زلنا ننتظر الأرقام الدقيقة من المستشفى"),
    (
        "ar",
        "@civildefense الجسر مغلق، يرجى تجنب المنطقة 🚨 #انفجار https://t.co/a8",
    ),
    ("fa", "پلیس پس از انفجار امروز صبح پل را بست"),
    ("fa", "به گفته آتش‌نشانی دو نفر به طور سطحی زخمی شدند"),
    ("fa", "وزیر امشب با خبرنگاران صحبت خواهد کرد"),
    ("fa", "شاهدان می‌گویند نزدیک نیمه‌شب صدای انفجار بلندی شنیدند"),
    ("fa", "ما هنوز منتظر آمار دقیق از بیمارستان هستیم"),
    (
        "fa",
        "@police_ir پل بسته است، لطفا از این منطقه دوری کنید 🚨 #انفجار https://t.co/f4",
    ),
    (
        "sq",
        "Policia mbylli urën pas shpërthimit të mëngjesit të sotëm",
    ),
    ("sq", "Sipas zjarrfikësve, dy persona u plagosën lehtë"),
    ("sq", "Ministri do të flasë me gazetarët sonte në kryeqytet"),
    (
        "sq",
        "Dëshmitarët thonë se dëgjuan një zhurmë të fortë rreth mesnatës",
    ),
    ("sq", "Ende po presim shifrat e sakta nga spitali"),
    (
        "sq",
        "@policia_al Ura është e mbyllur, ju lutem shmangni zonën 🚨 #shpërthim https://t.co/s2",
    ),
    (
        "tr",
        "Polis bu sabahki patlamanın ardından köprüyü trafiğe kapattı",
    ),
    ("tr", "İtfaiyeye göre iki kişi hafif şekilde yaralandı"),
    ("tr", "Bakan bu akşam gazetecilere açıklama yapacak"),
    (
        "tr",
        "Tanıklar gece yarısına doğru güçlü bir patlama sesi duyduklarını söylüyor",
    ),
    ("tr", "Hastaneden kesin rakamları hâlâ bekliyoruz"),
    (
        "tr",
        "@afad Köprü kapatıldı, lütfen bölgeden uzak durun 🚨 #patlama https://t.co/t6",
    ),
    ("en", "He says there are no serious injuries"),
    ("en", "The government has not said anything yet"),
    ("en", "The situation in the city is very serious"),
    ("de", "Er sagt, es gibt keine Schwerverletzten"),
    ("de", "Die Regierung hat bisher noch nichts gesagt"),
    ("de", "Die Lage in der Stadt ist sehr ernst"),
    ("nl", "Hij zegt dat er geen zwaargewonden zijn"),
    ("nl", "De regering heeft nog niets gezegd"),
    ("nl", "De situatie in de stad is heel ernstig"),
    ("fr", "Il dit qu'il n'y a pas de blessés graves"),
    ("fr", "Le gouvernement n'a encore rien dit"),
    ("fr", "La situation dans la ville est très grave"),
    ("it", "Dice che non ci sono feriti gravi"),
    ("it", "Il governo non ha ancora detto nulla"),
    ("it", "La situazione in città è molto grave"),
    ("es", "Dice que no hay heridos graves en la zona"),
    ("es", "El gobierno no ha dicho nada todavía"),
    ("es", "La situación en la ciudad es muy grave"),
    ("pt", "Diz que não há feridos graves na zona"),
    ("pt", "O governo ainda não disse nada"),
    ("pt", "A situação na cidade é muito grave"),
    ("ru", "Он говорит, что тяжело раненых нет"),
    ("ru", "Правительство пока ничего не сказало по этому поводу"),
    ("ru", "Ситуация в городе очень серьёзная"),
    ("ar", "يقول إنه لا توجد إصابات خطيرة"),
    ("ar", "لم تقل الحكومة أي شيء حتى الآن"),
    ("ar", "الوضع في المدينة خطير جدا"),
    ("fa", "او می‌گوید هیچ مجروح شدیدی وجود ندارد"),
    ("fa", "دولت هنوز چیزی در این باره نگفته است"),
    ("fa", "وضعیت در شهر بسیار جدی است"),
    ("sq", "Ai thotë se nuk ka të plagosur rëndë"),
    ("sq", "Qeveria ende nuk ka thënë asgjë"),
    ("sq", "Situata në qytet është shumë e rëndë"),
    (
        "tr",
        "Ağır yaralı olmadığını söyledi, durum kontrol altında",
    ),
    ("tr", "Hükümet henüz bu konuda hiçbir şey söylemedi"),
    ("tr", "Şehirdeki durum çok ciddi görünüyor"),
];

/// One paragraph per language, written for these tests: (expected code, text).
const PARAGRAPHS: &[(&str, &str)] = &[
    (
        "en",
        "A loud explosion shook the old harbour district shortly before midnight on Thursday. Firefighters said two people were taken to hospital with minor injuries, while several buildings near the quay were evacuated as a precaution. The cause of the blast is not yet known, and the police have asked witnesses to come forward with photos or videos.",
    ),
    (
        "de",
        "Eine laute Explosion hat am Donnerstag kurz vor Mitternacht das alte Hafenviertel erschüttert. Nach Angaben der Feuerwehr wurden zwei Menschen mit leichten Verletzungen ins Krankenhaus gebracht, mehrere Gebäude am Kai wurden vorsorglich geräumt. Die Ursache ist noch unklar; die Polizei bittet Zeugen, Fotos oder Videos einzureichen.",
    ),
    (
        "nl",
        "Een harde explosie heeft donderdag kort voor middernacht de oude havenwijk opgeschrikt. Volgens de brandweer zijn twee mensen met lichte verwondingen naar het ziekenhuis gebracht, en werden enkele gebouwen aan de kade uit voorzorg ontruimd. De oorzaak is nog niet bekend; de politie vraagt getuigen om foto's of video's te delen.",
    ),
    (
        "fr",
        "Une forte explosion a secoué le vieux quartier du port jeudi peu avant minuit. Selon les pompiers, deux personnes légèrement blessées ont été transportées à l'hôpital, et plusieurs immeubles proches du quai ont été évacués par précaution. La cause de la déflagration reste inconnue ; la police lance un appel aux témoins qui auraient des photos ou des vidéos.",
    ),
    (
        "it",
        "Una forte esplosione ha scosso il vecchio quartiere del porto giovedì poco prima di mezzanotte. Secondo i vigili del fuoco, due persone sono state portate in ospedale con ferite lievi, mentre alcuni edifici vicino alla banchina sono stati evacuati per precauzione. La causa dello scoppio non è ancora nota e la polizia chiede ai testimoni di inviare foto o video.",
    ),
    (
        "es",
        "Una fuerte explosión sacudió el antiguo barrio del puerto el jueves poco antes de la medianoche. Según los bomberos, dos personas fueron trasladadas al hospital con heridas leves, y varios edificios cercanos al muelle fueron desalojados por precaución. La causa de la explosión aún se desconoce y la policía pide a los testigos que envíen fotos o vídeos.",
    ),
    (
        "pt",
        "Uma forte explosão abalou o antigo bairro do porto na quinta-feira, pouco antes da meia-noite. Segundo os bombeiros, duas pessoas foram levadas ao hospital com ferimentos ligeiros, e vários edifícios junto ao cais foram evacuados por precaução. A causa da explosão ainda não é conhecida e a polícia pede às testemunhas que enviem fotografias ou vídeos.",
    ),
    (
        "ru",
        "Мощный взрыв потряс старый портовый район в четверг незадолго до полуночи. По словам пожарных, два человека с лёгкими травмами были доставлены в больницу, а несколько зданий у причала эвакуировали в качестве меры предосторожности. Причина взрыва пока неизвестна, полиция просит свидетелей прислать фотографии или видео.",
    ),
    (
        "ar",
        "هز انفجار قوي حي الميناء القديم يوم الخميس قبيل منتصف الليل. وقال رجال الإطفاء إن شخصين نقلا إلى المستشفى مصابين بجروح طفيفة، فيما تم إخلاء عدد من المباني القريبة من الرصيف كإجراء احترازي. ولا يزال سبب الانفجار مجهولا، وطلبت الشرطة من الشهود إرسال ما لديهم من صور أو مقاطع فيديو.",
    ),
    (
        "fa",
        "انفجار شدیدی روز پنجشنبه کمی پیش از نیمه‌شب محله قدیمی بندر را لرزاند. به گفته آتش‌نشانان، دو نفر با جراحات سطحی به بیمارستان منتقل شدند و چند ساختمان نزدیک اسکله به عنوان اقدام احتیاطی تخلیه شد. علت انفجار هنوز مشخص نیست و پلیس از شاهدان خواسته است عکس یا فیلم‌های خود را ارسال کنند.",
    ),
    (
        "sq",
        "Një shpërthim i fuqishëm tronditi lagjen e vjetër të portit të enjten, pak para mesnatës. Sipas zjarrfikësve, dy persona me plagë të lehta u dërguan në spital, ndërsa disa ndërtesa pranë kalatës u evakuuan për masë paraprake. Shkaku i shpërthimit ende nuk dihet dhe policia u kërkon dëshmitarëve të dërgojnë fotografi ose video.",
    ),
    (
        "tr",
        "Perşembe günü gece yarısından kısa süre önce güçlü bir patlama eski liman mahallesini sarstı. İtfaiyenin açıklamasına göre hafif yaralanan iki kişi hastaneye kaldırıldı, rıhtım yakınındaki birkaç bina ise önlem amacıyla boşaltıldı. Patlamanın nedeni henüz bilinmiyor; polis, fotoğraf veya video çeken tanıkların bunları paylaşmasını istedi.",
    ),
];

/// Per expected language: (right, total).
fn score(cases: &[(&str, &str)]) -> (BTreeMap<&'static str, (usize, usize)>, Vec<String>) {
    let mut table: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for &(expected, text) in cases {
        let Some(code) = SUPPORTED_LANGUAGES.into_iter().find(|c| *c == expected) else {
            panic!("test corpus names unsupported language {expected}");
        };
        let got = detect_language(text, None);
        let entry = table.entry(code).or_default();
        entry.1 += 1;
        if got == Some(expected) {
            entry.0 += 1;
        } else {
            misses.push(format!("{expected} -> {got:?}: {text}"));
        }
    }
    (table, misses)
}

#[test]
fn accuracy_table() {
    let (short, short_misses) = score(SHORT);
    let (paragraphs, paragraph_misses) = score(PARAGRAPHS);
    println!("lang  short      paragraph");
    for code in SUPPORTED_LANGUAGES {
        let (s_ok, s_n) = short.get(code).copied().unwrap_or_default();
        let (p_ok, p_n) = paragraphs.get(code).copied().unwrap_or_default();
        println!("{code}    {s_ok:>2}/{s_n:<2}      {p_ok}/{p_n}");
        assert!(s_n >= 3, "{code}: fewer than 3 short texts");
        assert!(p_n >= 1, "{code}: no paragraph");
    }
    let right: usize = short.values().map(|(ok, _)| ok).sum();
    let total: usize = short.values().map(|(_, n)| n).sum();
    println!(
        "short total {right}/{total} = {:.1}%",
        100.0 * right as f64 / total as f64
    );
    for miss in short_misses.iter().chain(&paragraph_misses) {
        println!("  miss {miss}");
    }
    assert!(
        paragraph_misses.is_empty(),
        "paragraphs wrong: {paragraph_misses:#?}"
    );
    assert!(
        right * 100 >= total * 95,
        "short texts below 95%: {short_misses:#?}"
    );
}

#[test]
fn confusable_pairs_short() {
    let pairs = [
        ("es", "La situación en la ciudad es muy grave"),
        ("pt", "A situação na cidade é muito grave"),
        ("it", "La situazione in città è molto grave"),
        ("de", "Die Lage in der Stadt ist sehr ernst"),
        ("nl", "De situatie in de stad is heel ernstig"),
        ("fr", "La situation dans la ville est très grave"),
        ("ar", "الوضع في المدينة خطير جدا"),
        ("fa", "وضعیت در شهر بسیار جدی است"),
    ];
    for (expected, text) in pairs {
        assert_eq!(detect_language(text, None), Some(expected), "{text}");
    }
}

#[test]
fn no_language_signal_is_none() {
    for text in [
        "",
        "   \n\t ",
        "12345 678,90 2024-03-14",
        "https://example.com/path?q=1 www.example.org",
        "@someone @another_one",
        "#breaking #news #2024",
        "🚨🔥😱👍",
        "ok",
        "@a 12 🚨 https://t.co/x #b",
        "北京今天下雨",
    ] {
        assert_eq!(detect_language(text, None), None, "{text:?}");
        assert_eq!(
            detect_language(text, Some("en")),
            None,
            "hint must not invent a language: {text:?}"
        );
    }
}

#[test]
fn noise_does_not_dominate_a_short_post() {
    let post = "@BBCBreaking @Reuters Die Brücke bleibt gesperrt 🚨🚨 https://t.co/abc #breaking #explosion #news";
    assert_eq!(language_sample(post), "Die Brücke bleibt gesperrt");
    assert_eq!(detect_language(post, None), Some("de"));
}

#[test]
fn hint_breaks_near_ties_only() {
    // Single words shared by Spanish, Portuguese and Italian: near-ties, settled by the declared language.
    assert_eq!(detect_language("casa", Some("pt")), Some("pt"));
    assert_eq!(detect_language("casa", Some("it")), Some("it"));
    assert_eq!(detect_language("Ministro", Some("es")), Some("es"));
    assert_eq!(detect_language("Ministro", Some("it-IT")), Some("it"));
    // Clear evidence wins over a wrong declaration.
    assert_eq!(
        detect_language(
            "Die Polizei hat die Brücke nach der Explosion gesperrt",
            Some("en")
        ),
        Some("de")
    );
    assert_eq!(
        detect_language("A situação na cidade é muito grave", Some("es")),
        Some("pt")
    );
    assert_eq!(detect_language("Bonjour", Some("en")), Some("fr"));
    // An unsupported or garbled hint is ignored.
    assert_eq!(
        detect_language("Die Lage in der Stadt ist sehr ernst", Some("zz")),
        Some("de")
    );
    assert_eq!(
        detect_language("Die Lage in der Stadt ist sehr ernst", Some("")),
        Some("de")
    );
}

#[test]
fn long_document_and_threads() {
    let (_, paragraph) = PARAGRAPHS[0];
    let long = format!(
        "{} {}",
        "https://example.com 2024 ".repeat(50),
        paragraph.repeat(500)
    );
    assert_eq!(detect_language(&long, None), Some("en"));
    let handles: Vec<_> = PARAGRAPHS
        .iter()
        .map(|&(expected, text)| {
            std::thread::spawn(move || (expected, detect_language(text, None)))
        })
        .collect();
    for handle in handles {
        let Ok((expected, got)) = handle.join() else {
            panic!("detector thread panicked")
        };
        assert_eq!(got, Some(expected));
    }
}

/// Speed, meaningful in release mode only.
#[test]
#[ignore]
fn speed() {
    let start = Instant::now();
    let _ = detect_language("Die Polizei hat die Brücke gesperrt", None);
    println!("first call (loads one model): {:?}", start.elapsed());
    for &(_, text) in PARAGRAPHS {
        let _ = detect_language(text, None); // load every model
    }
    let rounds = 20;
    let start = Instant::now();
    for _ in 0..rounds {
        for &(_, text) in SHORT {
            std::hint::black_box(detect_language(text, None));
        }
    }
    let per_text = start.elapsed().as_secs_f64() * 1e6 / (rounds * SHORT.len()) as f64;
    println!("short texts: {per_text:.0} µs/text");
    for size in [4 * 1024, 64 * 1024, 1024 * 1024] {
        let docs: Vec<String> = PARAGRAPHS
            .iter()
            .map(|&(_, p)| {
                let mut doc = String::new();
                while doc.len() < size {
                    doc.push_str(p);
                    doc.push(' ');
                }
                doc
            })
            .collect();
        let bytes: usize = docs.iter().map(String::len).sum();
        let start = Instant::now();
        for doc in &docs {
            std::hint::black_box(detect_language(doc, None));
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "documents of ~{} KB: {:.2} ms/doc, {:.1} MB/s of input",
            size / 1024,
            secs * 1e3 / docs.len() as f64,
            bytes as f64 / 1e6 / secs
        );
    }
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        for line in status
            .lines()
            .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        {
            println!("{line}");
        }
    }
}
