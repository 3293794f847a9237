//! Year on year in the interface: moving between periods without restarting, confirming an
//! area's carried answers at once, and a read-only window that keeps up with the other.

use super::*;
use crate::tui::Action;
use crate::tui::app::Screen;
use crate::tui::dialog::Dialog;
use crate::tui::session::SaveState;

/// Dorset 2012 answered in part, and 2013 carried forward from it, both in `dir`.
fn two_years(dir: &Path) -> App {
    let (mut app, _) = dorset(dir);
    go(&mut app, "media.policy");
    press(&mut app, "AAy");
    go(&mut app, "media.contact.recorded");
    press(&mut app, "n");
    press(&mut app, "q");
    press(
        &mut app,
        "c<Tab>2013<Tab>Head of PSD<Tab><Tab><Right><Enter>",
    );
    press(&mut app, "<Enter>");
    app
}

#[test]
fn the_form_fills_the_about_items_so_they_are_not_asked_again() {
    let dir = data_dir();
    let mut app = App::home(ws(dir.path()));
    press(
        &mut app,
        "cDorset Police<Tab>2012<Tab>DCI Smith, Head of PSD<Enter>",
    );
    let s = session(&app);
    let text = |id: &str| s.assessment.value(id).map(|v| v.to_string());
    assert_eq!(text("ctx.force").as_deref(), Some("Dorset Police"));
    assert_eq!(
        text("ctx.assessor").as_deref(),
        Some("DCI Smith, Head of PSD")
    );
    assert!(
        text("ctx.previous_run")
            .unwrap()
            .starts_with("Not applicable")
    );
    assert_eq!(
        s.assessment.assessor.as_deref(),
        Some("DCI Smith, Head of PSD")
    );
    assert_eq!(
        s.item().unwrap().id,
        "ctx.completed_on",
        "it starts at what is left"
    );
}

#[test]
fn periods_of_the_same_force_are_a_key_away_and_back() {
    let dir = data_dir();
    let mut app = two_years(dir.path());
    assert_eq!(session(&app).assessment.period, "2013");
    let previous = session(&app)
        .assessment
        .value("ctx.previous_run")
        .unwrap()
        .to_string();
    assert_eq!(previous, "Dorset Police, 2012");
    press(&mut app, "[");
    assert_eq!(session(&app).assessment.period, "2012");
    assert!(notice(&app).starts_with("Now on 2012."));
    press(&mut app, "[");
    assert!(notice(&app).contains("no earlier period"));
    press(&mut app, "]");
    assert_eq!(session(&app).assessment.period, "2013");
    let screen = draw(&app, 120, 40).to_string();
    assert!(
        screen.lines().next().unwrap().contains("2012–2013"),
        "{screen}"
    );
}

#[test]
fn an_areas_carried_answers_are_confirmed_at_once_after_a_count() {
    let dir = data_dir();
    let mut app = two_years(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "C");
    let Some(Dialog::ConfirmArea(ask)) = &app.dialog else {
        panic!("asked first")
    };
    assert_eq!(ask.items, ["media.policy", "media.contact.recorded"]);
    let screen = draw(&app, 80, 24).to_string();
    assert!(screen.contains("Confirm all 2 answers carried"), "{screen}");
    press(&mut app, "<Esc>");
    assert_eq!(
        session(&app).assessment.unconfirmed().count(),
        3,
        "nothing yet"
    );
    press(&mut app, "Cy");
    let s = session(&app);
    assert_eq!(
        s.assessment.unconfirmed().collect::<Vec<_>>(),
        ["ctx.force"]
    );
    assert!(notice(&app).starts_with("Confirmed all 2 answers"));
    press(&mut app, "C");
    assert!(notice(&app).contains("Nothing in"));
}

#[test]
fn a_read_only_window_refreshes_and_offers_to_take_over() {
    let dir = data_dir();
    let (mut first, path) = dorset(dir.path());
    let mut second = App::open(ws(dir.path()), &path).unwrap();
    assert!(second.watching());
    go(&mut first, "media.policy");
    press(&mut first, "AAy");
    // Saves can land within one tick of the clock; wait for the stamp to move.
    std::thread::sleep(std::time::Duration::from_millis(20));
    update(&mut second, Action::Tick);
    assert!(notice(&second).contains("other window saved"));
    assert!(session(&second).assessment.value("media.policy").is_some());
    press(&mut second, "T");
    assert!(notice(&second).contains("still has"));
    drop(first);
    update(&mut second, Action::Tick);
    assert!(notice(&second).contains("Press T to edit here"));
    let screen = draw(&second, 80, 24).to_string();
    assert!(screen.contains("the other window has closed"), "{screen}");
    press(&mut second, "T");
    assert_eq!(session(&second).save, SaveState::Saved);
    assert!(!second.watching());
    go(&mut second, "media.contact.recorded");
    press(&mut second, "n");
    assert!(
        file(&path).contains("value = \"no\""),
        "this window saves now"
    );
    assert!(matches!(second.screen, Screen::Assessment(_)));
}

#[test]
fn confirming_the_last_carried_answers_in_an_area_goes_on_to_the_next_with_any() {
    let dir = data_dir();
    let mut app = two_years(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "vvvv");
    assert_eq!(
        session(&app).filter,
        crate::tui::session::Filter::Unconfirmed
    );
    press(&mut app, "Cy");
    let s = session(&app);
    assert_eq!(
        s.item().unwrap().id,
        "ctx.force",
        "on to the area still holding one"
    );
    assert!(notice(&app).contains("on to About"), "{}", notice(&app));
    press(&mut app, "c");
    assert!(
        notice(&app).contains("Nothing left anywhere"),
        "{}",
        notice(&app)
    );
}

#[test]
fn last_periods_figure_is_shown_beside_the_item_not_carried_as_its_answer() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "business.applications");
    press(&mut app, "AA<Enter>49<Enter>");
    assert_eq!(
        session(&app).assessment.value("business.applications"),
        Some(&probity_core::answer::Value::Number(49.0))
    );
    press(&mut app, "q");
    press(
        &mut app,
        "c<Tab>2013<Tab>Head of PSD<Tab><Tab><Right><Enter>",
    );
    press(&mut app, "<Enter>");
    assert_eq!(session(&app).assessment.period, "2013");
    assert_eq!(
        session(&app).assessment.value("business.applications"),
        None
    );
    go(&mut app, "business.applications");
    let screen = draw(&app, 140, 40).to_string();
    assert!(screen.contains("Last period (2012): 49"), "{screen}");
}
