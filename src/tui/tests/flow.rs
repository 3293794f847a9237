//! Whole flows: keys in, the assessment file out.

use super::*;

#[test]
fn answering_procurement_with_notes_and_evidence_writes_the_file() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    // Gifts: the register exists.
    press(&mut app, "<BackTab>jjj<Tab>");
    go(&mut app, "gifts.register.exists");
    press(&mut app, "y");
    // Procurement: not cross-referenced, with a note, evidence, owner and date.
    go(&mut app, "procurement.gifts_crossref");
    press(&mut app, "AA");
    press(&mut app, "n");
    press(
        &mut app,
        "NNo cross-check of contract awards<Enter>against the register yet.<Esc>y",
    );
    press(
        &mut app,
        "eaGifts, Hospitality and Benefits Policy 2012<Enter><Esc>",
    );
    press(&mut app, "oHead of Procurement<Enter>d2013-03-31<Enter>");
    press(&mut app, "Q");
    assert!(app.quit);
    let text = file(&path);
    let expected = r#"[answers."procurement.gifts_crossref"]
value = "no"
note = """
No cross-check of contract awards
against the register yet."""
evidence = ["Gifts, Hospitality and Benefits Policy 2012"]
owner = "Head of Procurement"
due = 2013-03-31
"#;
    assert!(text.contains(expected), "{text}");
    assert!(
        text.contains("[answers.\"gifts.register.exists\"]\nvalue = \"yes\""),
        "{text}"
    );

    // Reopening finds everything, and the gap is still listed.
    drop(app);
    let app = App::open(ws(dir.path()), &path).unwrap();
    let s = session(&app);
    assert_eq!(
        s.assessment
            .answer("procurement.gifts_crossref")
            .unwrap()
            .owner
            .as_deref(),
        Some("Head of Procurement")
    );
    let gap = s
        .evaluation
        .findings
        .iter()
        .find(|f| f.id == "gifts_register_not_crossreferenced")
        .unwrap();
    assert_eq!(gap.owner.as_deref(), Some("Head of Procurement"));
}

#[test]
fn typed_answers_of_every_kind_reach_the_file() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    press(&mut app, "AA");
    go(&mut app, "ctx.completed_on");
    press(&mut app, "<Enter>2012-11-30<Enter>");
    go(&mut app, "business.applications");
    press(&mut app, "<Enter>1,049<Enter>");
    go(&mut app, "ctx.previous_run");
    press(&mut app, "<Del><Enter>HMIC 2011 review<Enter>");
    let text = file(&path);
    assert!(
        text.contains("[answers.\"ctx.completed_on\"]\nvalue = 2012-11-30"),
        "{text}"
    );
    assert!(
        text.contains("[answers.\"business.applications\"]\nvalue = 1049"),
        "{text}"
    );
    assert!(
        text.contains("[answers.\"ctx.previous_run\"]\nvalue = \"HMIC 2011 review\""),
        "{text}"
    );
}

#[test]
fn a_newcomer_creates_answers_sees_the_gap_and_records_the_action_by_keys_alone() {
    let dir = data_dir();
    let mut app = App::home(ws(dir.path()));
    // Create Dorset 2012 from the form; it opens on the first question.
    press(&mut app, "cDorset Police<Tab>2012<Enter>");
    // Gifts area: the register exists (sixth item), with evidence.
    press(&mut app, "<BackTab>jjj<Tab>jjjjjy");
    press(
        &mut app,
        "keaGifts and hospitality register 2012<Enter><Esc>",
    );
    // Procurement area: awards are not checked against it.
    press(&mut app, "<BackTab>j<Tab>gn");
    assert_eq!(
        session(&app).evaluation.counts().0,
        1,
        "the gap shows at once"
    );
    // The findings panel takes us to the item that holds the action.
    press(&mut app, "<BackTab>gf<Enter>");
    press(&mut app, "oHead of Procurement<Enter>d2013-03-31<Enter>");
    press(&mut app, "NNo cross-check yet.<Esc>yQ");
    assert!(app.quit);
    let text = file(&dir.path().join("dorset-police-2012.toml"));
    let expected_register = "[answers.\"gifts.register.exists\"]\nvalue = \"yes\"\nevidence = [\"Gifts and hospitality register 2012\"]\n";
    assert!(text.contains(expected_register), "{text}");
    let expected_gap = "[answers.\"procurement.gifts_crossref\"]\nvalue = \"no\"\nnote = \"No cross-check yet.\"\nowner = \"Head of Procurement\"\ndue = 2013-03-31\n";
    assert!(text.contains(expected_gap), "{text}");
}
