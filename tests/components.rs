//! Component tests in headless Chromium: mount a component into the document, assert on
//! the DOM it produces and on how it reacts to events.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use vendor_readiness::answers::{AnswerEntry, AnswerValue};
use vendor_readiness::assessment::Edit;
use vendor_readiness::questionnaire::published::{Published, PublishedData, PublishedState};
use vendor_readiness::questionnaire::{Questionnaire, Reference};
use vendor_readiness::scoring;
use vendor_readiness::web::components::{
    CommittedInput, QuestionCard, QuestionCardProps, ScorePanel, ScorePanelProps,
};

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

/// What the page reads from the published data file, made from the data itself.
fn published_data() -> Published {
    let data: PublishedData =
        serde_json::from_str(include_str!("../data/questionnaire.json")).unwrap();
    data.published_for(Questionnaire::builtin()).unwrap()
}

#[wasm_bindgen_test]
async fn question_card_shows_text_why_refs_and_emits_edits() {
    let q = Questionnaire::builtin();
    let question = q.question("intake.channel").unwrap().clone();
    assert!(
        question.why.is_empty() && question.partly.is_none(),
        "the page's module carries no explanations"
    );
    let published = published_data();
    let explained = published.explanations["intake.channel"].clone();
    let edits: Rc<RefCell<Vec<Edit>>> = Rc::default();
    let sink = edits.clone();
    let root = fresh_root();
    let props = QuestionCardProps {
        question: question.clone(),
        entry: AnswerEntry::default(),
        onedit: Callback::from(move |e| sink.borrow_mut().push(e)),
        published: PublishedState::Ready(Rc::new(published)),
        onretry: Callback::noop(),
    };
    yew::Renderer::<QuestionCard>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let text = root.text_content().unwrap();
    assert!(text.contains(&*question.text));
    assert!(!explained.why.is_empty());
    assert!(text.contains(&format!("Why it matters: {}", explained.why)));
    assert!(text.contains(&format!("References ({})", question.refs.len())));
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 3, "yes, partly, no");
    let partly = root
        .query_selector("[data-testid=partly]")
        .unwrap()
        .expect("the meaning of \"partly\" is shown under the options");
    assert_eq!(
        partly.text_content().unwrap(),
        format!("“Partly” means: {}", explained.partly.as_deref().unwrap())
    );
    assert!(
        root.query_selector("button.clear").unwrap().is_none(),
        "nothing to clear yet"
    );

    let yes: HtmlInputElement = radios.item(0).unwrap().dyn_into().unwrap();
    yes.click();
    settle().await;
    assert_eq!(
        edits.borrow().last(),
        Some(&Edit::Answer(
            "intake.channel".into(),
            Some(AnswerValue::Choice("yes".into()))
        ))
    );
}

#[wasm_bindgen_test]
async fn question_card_shows_its_fetched_references_or_why_they_are_missing() {
    let q = Questionnaire::builtin();
    let question = q.question("intake.channel").unwrap().clone();
    assert!(
        q.references.is_empty(),
        "the page's module carries no references"
    );
    let cited = Reference {
        id: question.refs[0].clone(),
        source: "ISO/IEC 29147:2018".into(),
        clause: "6.2.2".into(),
        title: "Capability to receive reports".into(),
        document: None,
        edition: None,
        year: None,
        url: Some("https://www.iso.org/standard/72311.html".into()),
        note: None,
    };
    let retries = Rc::new(RefCell::new(0));
    let render = |published: PublishedState| {
        let root = fresh_root();
        let counter = retries.clone();
        let props = QuestionCardProps {
            question: question.clone(),
            entry: AnswerEntry::default(),
            onedit: Callback::noop(),
            published,
            onretry: Callback::from(move |()| *counter.borrow_mut() += 1),
        };
        yew::Renderer::<QuestionCard>::with_root_and_props(root.clone(), props).render();
        root
    };

    let ready = render(PublishedState::Ready(Rc::new(Published {
        references: vec![cited],
        ..Default::default()
    })));
    let loading = render(PublishedState::Loading);
    let failed = render(PublishedState::Failed("the server answered 404".into()));
    settle().await;
    let items = ready.query_selector_all("details.refs li").unwrap();
    assert_eq!(items.length() as usize, question.refs.len());
    let first = items.item(0).unwrap().text_content().unwrap();
    assert_eq!(
        first,
        "ISO/IEC 29147:2018 6.2.2 — Capability to receive reports"
    );
    let link = ready.query_selector("details.refs a").unwrap().unwrap();
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://www.iso.org/standard/72311.html")
    );
    // A cited id the list lacks is shown as the id itself.
    let second = items.item(1).map(|i| i.text_content().unwrap());
    assert_eq!(second.as_deref(), question.refs.get(1).map(|r| &**r));

    let details = |root: &Element| {
        root.query_selector("details.refs")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert!(details(&loading).ends_with("Loading the references…"));
    // Why it matters comes from the same file: a line says so while it is read, and a
    // failed fetch leaves the question answerable without it.
    let why = |root: &Element| {
        root.query_selector("p.why")
            .unwrap()
            .map(|p| p.text_content().unwrap())
    };
    assert_eq!(why(&loading).as_deref(), Some("Loading why it matters…"));
    assert_eq!(why(&failed), None);
    assert!(failed.query_selector("fieldset.answer").unwrap().is_some());
    assert!(details(&failed)
        .contains("The references could not be loaded: the server answered 404. Try again"));
    let retry: HtmlElement = failed
        .query_selector("details.refs button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    retry.click();
    settle().await;
    assert_eq!(*retries.borrow(), 1, "\"Try again\" asks for another fetch");
}

#[wasm_bindgen_test]
async fn number_question_parses_values_and_clears_on_empty() {
    let q = Questionnaire::builtin();
    let question = q.question("intake.ack_target").unwrap().clone();
    let edits: Rc<RefCell<Vec<Edit>>> = Rc::default();
    let sink = edits.clone();
    let root = fresh_root();
    let props = QuestionCardProps {
        question,
        entry: AnswerEntry::with_value(AnswerValue::Number(5.0)),
        onedit: Callback::from(move |e| sink.borrow_mut().push(e)),
        published: PublishedState::Loading,
        onretry: Callback::noop(),
    };
    yew::Renderer::<QuestionCard>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let input: HtmlInputElement = root
        .query_selector("input[type=number]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "5");
    input.set_value("3");
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    input.set_value("");
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        *edits.borrow(),
        vec![
            Edit::Answer("intake.ack_target".into(), Some(AnswerValue::Number(3.0))),
            Edit::Answer("intake.ack_target".into(), None),
        ]
    );
    // The field reads the number: a fraction is kept exactly, one out of range is no
    // answer but the message under the field.
    let message = || {
        root.query_selector("[id='range-intake.ack_target']")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    };
    input.set_value("45");
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(edits.borrow().len(), 2, "out of range is no edit");
    assert!(
        message().starts_with("Enter a number from 0 to 30"),
        "{}",
        message()
    );
    input.set_value("2.5");
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        edits.borrow().last(),
        Some(&Edit::Answer(
            "intake.ack_target".into(),
            Some(AnswerValue::Number(2.5))
        ))
    );
    assert_eq!(message(), "", "the message goes once the answer is good");
    let clear: HtmlElement = root
        .query_selector("button.clear")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    clear.click();
    settle().await;
    assert_eq!(edits.borrow().len(), 4);
    assert_eq!(
        edits.borrow().last(),
        Some(&Edit::Answer("intake.ack_target".into(), None)),
        "the clear button clears the answer"
    );
}

#[wasm_bindgen_test]
async fn score_panel_renders_overall_levels_and_fired_gates_as_text() {
    let q = Questionnaire::builtin();
    let mut answers = vendor_readiness::answers::Answers::default();
    for question in q.questions() {
        answers.set_value(&question.id, Some(question.answer.best()));
    }
    answers.set_value(
        "advisories.notify_customers",
        Some(AnswerValue::Choice("silent".into())),
    );
    let score = scoring::score(q, &answers);
    let root = fresh_root();
    yew::Renderer::<ScorePanel>::with_root_and_props(
        root.clone(),
        ScorePanelProps {
            score: std::rc::Rc::new(score.clone()),
        },
    )
    .render();
    settle().await;

    let overall = root
        .query_selector("[data-testid=overall]")
        .unwrap()
        .unwrap();
    assert_eq!(
        overall.text_content().unwrap(),
        format!("{:.1}", score.overall)
    );
    assert_eq!(
        root.query_selector_all(".domain-result").unwrap().length() as usize,
        q.domains.len()
    );
    let gate = root
        .query_selector("[data-gate=silent-fixes]")
        .unwrap()
        .expect("the gate is listed");
    let title = &q
        .gates
        .iter()
        .find(|g| g.id == "silent-fixes")
        .unwrap()
        .title;
    assert!(gate.text_content().unwrap().contains(title.as_ref()));
    let advisories = root
        .query_selector(".domain-result[data-domain=advisories] [data-testid=level]")
        .unwrap()
        .unwrap();
    assert!(advisories.text_content().unwrap().starts_with("L0"));
    assert!(root.text_content().unwrap().contains("Capped at 2.0"));
    assert_eq!(
        root.query_selector("[data-testid=questionnaire-version]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        format!("Scored with questionnaire {} version {}.", q.id, q.version)
    );
}

/// A parent that re-renders on demand while its field keeps one committed value.
#[derive(PartialEq, Properties)]
struct TypingHostProps {
    committed: Rc<RefCell<String>>,
    rerender: Rc<RefCell<Option<Callback<()>>>>,
}

#[function_component(TypingHost)]
fn typing_host(props: &TypingHostProps) -> Html {
    let ticks = use_state(|| 0u32);
    {
        let ticks = ticks.clone();
        *props.rerender.borrow_mut() = Some(Callback::from(move |_| ticks.set(*ticks + 1)));
    }
    html! {
        <div data-ticks={ticks.to_string()}>
            <CommittedInput value={props.committed.borrow().clone()} onchange={Callback::from(|_: Event| ())} />
        </div>
    }
}

#[wasm_bindgen_test]
async fn a_re_render_while_typing_keeps_the_text_not_yet_committed() {
    let root = fresh_root();
    let committed = Rc::new(RefCell::new("12".to_owned()));
    let rerender: Rc<RefCell<Option<Callback<()>>>> = Rc::default();
    yew::Renderer::<TypingHost>::with_root_and_props(
        root.clone(),
        TypingHostProps {
            committed: committed.clone(),
            rerender: rerender.clone(),
        },
    )
    .render();
    settle().await;
    let input: HtmlInputElement = root
        .query_selector("input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(input.value(), "12", "the committed value is shown");
    // The user types; nothing is committed yet, and the page re-renders (an autosave
    // finishing does this).
    input.set_value("123");
    rerender.borrow().as_ref().unwrap().emit(());
    settle().await;
    assert_eq!(
        root.query_selector("[data-ticks]")
            .unwrap()
            .unwrap()
            .get_attribute("data-ticks")
            .as_deref(),
        Some("1"),
        "the host did render again"
    );
    assert_eq!(input.value(), "123", "typing survives the re-render");
    // A new committed value (from elsewhere) does reach the field.
    *committed.borrow_mut() = "7".into();
    rerender.borrow().as_ref().unwrap().emit(());
    settle().await;
    assert_eq!(input.value(), "7");
}

#[wasm_bindgen_test]
fn the_pages_json_reads_and_writes_what_serde_json_does() {
    use vendor_readiness::answers::{Evidence, FileEvidence};
    use vendor_readiness::web::io::json;
    use vendor_readiness::workbook::{Change, Workbook};
    // A workbook as the app before this JSON adapter stored it (serde_json), with every
    // kind of answer: a choice, not applicable, whole and fractional numbers, notes with
    // quotes and non-ASCII text, link and file evidence.
    let mut workbook = Workbook::default();
    let mut apply = |edit: Edit| workbook.apply(Change::Edit(edit));
    apply(Edit::Answer(
        "intake.channel".into(),
        Some(AnswerValue::Choice("yes".into())),
    ));
    apply(Edit::Answer(
        "intake.ack_days".into(),
        Some(AnswerValue::Number(3.0)),
    ));
    apply(Edit::Answer(
        "remediation.critical_days".into(),
        Some(AnswerValue::Number(12.5)),
    ));
    apply(Edit::Answer(
        "intake.ack_met_pct".into(),
        Some(AnswerValue::NotApplicable),
    ));
    apply(Edit::Notes(
        "intake.channel".into(),
        "\"PSIRT\" — Zürich, 日本".into(),
    ));
    apply(Edit::AddEvidence(
        "intake.channel".into(),
        Evidence::from_link("policy", "https://example.com/vdp").unwrap(),
    ));
    apply(Edit::AddEvidence(
        "intake.channel".into(),
        Evidence {
            label: "vdp.pdf".into(),
            url: None,
            file: Some(FileEvidence::from_bytes("vdp.pdf", b"policy text")),
        },
    ));
    let stored = serde_json::to_string(&workbook).unwrap();
    let read: Workbook = json::from_json(&stored).expect("the stored workbook reads");
    assert_eq!(read, workbook);
    let written = json::to_json(&workbook).unwrap();
    let back: Workbook = serde_json::from_str(&written).expect("what the page writes is JSON");
    assert_eq!(back, workbook);
    // The same document, but for how a whole number is spelled (3 here, 3.0 by serde_json).
    assert_eq!(written.replace("3,", "3.0,").replace("3}", "3.0}"), stored);
}

#[wasm_bindgen_test]
fn the_pages_json_reports_a_wrong_type_in_serdes_own_words() {
    use serde::de::{Error as _, Unexpected};
    use vendor_readiness::web::io::json;
    // The vendored serde-wasm-bindgen writes these messages itself (PATCHED.md), so the
    // page carries no float formatter; they must read exactly as serde's default would.
    // `from_json` gives the text of the JavaScript `Error` serde-wasm-bindgen makes.
    fn serdes(unexpected: Unexpected, expected: &str) -> String {
        format!(
            "Error: {}",
            serde_json::Error::invalid_type(unexpected, &expected)
        )
    }
    let cases: [(&str, String); 5] = [
        ("1.5", serdes(Unexpected::Float(1.5), "a string")),
        ("3", serdes(Unexpected::Float(3.0), "a string")),
        ("-0.25", serdes(Unexpected::Float(-0.25), "a string")),
        ("true", serdes(Unexpected::Bool(true), "a string")),
        // serde-wasm-bindgen's own words for an array or object.
        ("[1]", serdes(Unexpected::Other("JsValue([1])"), "a string")),
    ];
    for (text, expected) in cases {
        let error = json::from_json::<String>(text).unwrap_err();
        assert_eq!(error, expected, "{text}");
    }
    let error = json::from_json::<bool>("\"yes \\u202e\"").unwrap_err();
    assert_eq!(
        error,
        serdes(Unexpected::Str("yes \u{202e}"), "a boolean"),
        "a string is quoted and escaped as serde quotes it"
    );
    // A number out of a type's range goes through `invalid_value`.
    let error = json::from_json::<u8>("300").unwrap_err();
    let expected = serde_json::Error::invalid_value(Unexpected::Unsigned(300), &"u8");
    assert_eq!(error, format!("Error: {expected}"));
}

#[wasm_bindgen_test]
async fn an_evidence_item_links_only_a_web_url_and_describes_a_file_in_the_cores_words() {
    use vendor_readiness::answers::{Evidence, FileEvidence};
    use vendor_readiness::export::evidence_file_text;
    use vendor_readiness::web::components::evidence_item;

    #[derive(PartialEq, Properties)]
    struct HostProps {
        evidence: Evidence,
    }

    #[function_component(Host)]
    fn host(props: &HostProps) -> Html {
        evidence_item(&props.evidence, Html::default())
    }

    let file = FileEvidence::from_bytes("vdp.pdf", b"policy text");
    for (evidence, link) in [
        (
            Evidence::from_link("Policy", "https://example.com/vdp").unwrap(),
            Some("https://example.com/vdp"),
        ),
        (
            Evidence {
                label: "Smuggled".into(),
                url: Some("javascript:alert(1)".into()),
                file: Some(file.clone()),
            },
            None,
        ),
    ] {
        let root = fresh_root();
        let props = HostProps {
            evidence: evidence.clone(),
        };
        yew::Renderer::<Host>::with_root_and_props(root.clone(), props).render();
        settle().await;
        let a = root.query_selector("a").unwrap();
        assert_eq!(
            a.as_ref().and_then(|a| a.get_attribute("href")).as_deref(),
            link
        );
        if let Some(a) = a {
            assert_eq!(
                a.get_attribute("rel").as_deref(),
                Some("noopener noreferrer nofollow")
            );
        }
        let text = root.text_content().unwrap();
        assert!(text.starts_with(&evidence.label), "{text}");
        if let Some(f) = &evidence.file {
            assert!(text.contains(&evidence_file_text(f)), "{text}");
            assert!(
                text.contains("javascript:alert(1)"),
                "a URL that is not a web link is shown as text"
            );
        }
    }
}

#[derive(PartialEq, Properties)]
struct TableHostProps {
    session: vendor_readiness::buyer_session::BuyerSession,
}

#[function_component(TableHost)]
fn table_host(props: &TableHostProps) -> Html {
    use vendor_readiness::web::state::{BuyerContext, Store};
    let buyer = use_reducer(|| Store::new(props.session.clone()));
    html! {
        <ContextProvider<BuyerContext> context={buyer}>
            <vendor_readiness::web::components::VendorTable />
        </ContextProvider<BuyerContext>>
    }
}

#[wasm_bindgen_test]
async fn the_vendor_table_fills_a_few_rows_a_render_until_every_row_is_shown() {
    use time::format_description::well_known::Rfc3339;
    use vendor_readiness::assessment::Assessment;
    use vendor_readiness::buyer_profile::BuyerProfile;
    use vendor_readiness::buyer_session::{BuyerSession, Checked};
    use vendor_readiness::score_file;
    let q = Questionnaire::builtin();
    let now = time::OffsetDateTime::parse("2027-03-01T12:00:00Z", &Rfc3339).unwrap();
    let mut session = BuyerSession::new(BuyerProfile::default(), now);
    let files = 40;
    for i in 0..files {
        let mut a = Assessment::default();
        a.profile.organisation = format!("Vendor {i:02}");
        let file = score_file::seal(q, &a, "test", "2027-02-01T12:00:00Z", None);
        let bytes = serde_json::to_vec(&file).unwrap();
        session.update(Checked::verify(&format!("v{i}.json"), &bytes, q));
    }
    let root = fresh_root();
    // Rows added per render: a mutation observer's callback runs once per render.
    let added = Rc::new(RefCell::new(Vec::<u32>::new()));
    let record = {
        let added = added.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
            move |records: js_sys::Array| {
                let rows = records
                    .iter()
                    .map(|r| r.unchecked_into::<web_sys::MutationRecord>())
                    .flat_map(|r| {
                        let nodes = r.added_nodes();
                        (0..nodes.length()).filter_map(move |i| nodes.get(i))
                    })
                    .filter(|n| n.node_name() == "TR")
                    .count();
                if rows > 0 {
                    added.borrow_mut().push(rows as u32);
                }
            },
        )
    };
    let observer = web_sys::MutationObserver::new(record.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    observer.observe_with_options(&root, &options).unwrap();
    yew::Renderer::<TableHost>::with_root_and_props(root.clone(), TableHostProps { session })
        .render();
    let shown = || root.query_selector_all("tbody tr").unwrap().length();
    for _ in 0..100 {
        if shown() == files {
            break;
        }
        settle().await;
    }
    observer.disconnect();
    assert_eq!(shown(), files, "every row is shown in the end");
    let added = added.borrow();
    // The header row comes with the first render.
    let body_rows: u32 = added.iter().sum::<u32>() - 1;
    assert_eq!(body_rows, files);
    assert!(
        added.len() >= 5 && added.iter().all(|&n| n <= 9),
        "at most 8 new rows a render (the first with the header row): {added:?}"
    );
}

/// A model that records which actions it was given, as effects.
#[derive(Clone, PartialEq, Default)]
struct Tally(u32);

impl vendor_readiness::web::state::Model for Tally {
    type Action = u32;
    type Effect = u32;
    fn update(&mut self, action: u32) -> Vec<u32> {
        self.0 += 1;
        vec![action]
    }
}

#[derive(PartialEq, Properties)]
struct StoreHostProps {
    ran: Rc<RefCell<Vec<u32>>>,
}

#[function_component(StoreHost)]
fn store_host(props: &StoreHostProps) -> Html {
    use vendor_readiness::web::state::Store;
    let store = use_reducer(|| Store::new(Tally::default()));
    {
        let (store, ran) = (store.clone(), props.ran.clone());
        use_effect_with(store.version, move |_| {
            ran.borrow_mut().extend(store.take_effects())
        });
    }
    // Three actions in one event, so Yew applies them all before it renders once.
    let onclick = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| (1..=3).for_each(|n| store.dispatch(n)))
    };
    html! { <button {onclick}>{ store.model.0 }</button> }
}

#[wasm_bindgen_test]
async fn every_effect_runs_even_when_several_actions_come_before_one_render() {
    let ran: Rc<RefCell<Vec<u32>>> = Rc::default();
    let root = fresh_root();
    yew::Renderer::<StoreHost>::with_root_and_props(
        root.clone(),
        StoreHostProps { ran: ran.clone() },
    )
    .render();
    settle().await;
    let button: HtmlElement = root
        .query_selector("button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    settle().await;
    assert_eq!(root.text_content().unwrap(), "3");
    assert_eq!(
        *ran.borrow(),
        vec![1, 2, 3],
        "no effect is dropped or run twice"
    );
    button.click();
    settle().await;
    assert_eq!(*ran.borrow(), vec![1, 2, 3, 1, 2, 3]);
}
