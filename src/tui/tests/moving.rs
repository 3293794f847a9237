//! Moving as in gitui or lazygit: back a level with Esc or q, quitting with Q, j and k across
//! areas, waiting at a new finding, and the keys that say what they do.

use super::*;
use crate::tui::Action;
use crate::tui::app::Screen;
use crate::tui::dialog::Dialog;
use crate::tui::session::{Filter, Pane};

#[test]
fn esc_and_q_go_back_a_level_and_q_on_home_quits() {
    let dir = data_dir();
    let mut app = App::home(ws(dir.path()));
    press(&mut app, "cDorset Police<Tab>2012<Enter>");
    press(&mut app, "f");
    press(&mut app, "q");
    assert!(app.dialog.is_none(), "the panel closes first");
    press(&mut app, "v");
    press(&mut app, "<Esc>");
    assert_eq!(session(&app).filter, Filter::All, "then the filter");
    press(&mut app, "q");
    assert!(matches!(app.screen, Screen::Home(_)), "then the assessment");
    assert!(!app.quit);
    press(&mut app, "<Esc>");
    assert!(!app.quit, "Esc on home does not quit");
    assert!(notice(&app).contains("does nothing here"));
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn shift_q_quits_from_anywhere_but_is_typed_in_a_field() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    press(&mut app, "oQ<Enter>");
    assert!(!app.quit);
    assert!(file(&path).contains("owner = \"Q\""));
    press(&mut app, "fQ");
    assert!(app.quit);
}

#[test]
fn j_and_k_flow_across_area_boundaries() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "ctx.previous_run");
    press(&mut app, "j");
    let s = session(&app);
    assert_eq!(s.area, 1);
    assert_eq!(s.item().unwrap().id, s.checklist.areas[1].items[0].id);
    press(&mut app, "k");
    assert_eq!(session(&app).item().unwrap().id, "ctx.previous_run");
    press(&mut app, "gk");
    assert_eq!(session(&app).area, 0, "nothing before the first item");
    // With a filter, the next area with something to show.
    press(&mut app, "vGj");
    let s = session(&app);
    assert_eq!(s.filter, Filter::Unanswered);
    assert!(s.area > 0);
}

#[test]
fn an_answer_that_raises_a_finding_waits_there_until_space() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "gifts.register.exists");
    press(&mut app, "y");
    assert_ne!(session(&app).item().unwrap().id, "gifts.register.exists");
    go(&mut app, "procurement.gifts_crossref");
    press(&mut app, "n");
    let s = session(&app);
    assert_eq!(
        s.item().unwrap().id,
        "procurement.gifts_crossref",
        "it waits"
    );
    let said = notice(&app);
    assert!(
        said.starts_with("New high finding, in the details (Space goes on")
            && said.contains("Procurement not cross-referenced"),
        "{said}"
    );
    let screen = draw(&app, 120, 40).to_string();
    assert!(screen.contains("High finding: Procurement not"), "{screen}");
    press(&mut app, " ");
    assert_ne!(
        session(&app).item().unwrap().id,
        "procurement.gifts_crossref"
    );
    // Set to always move on, it moves and still says what was found.
    go(&mut app, "procurement.supplier_interests");
    press(&mut app, "A");
    press(&mut app, "n");
    assert_ne!(
        session(&app).item().unwrap().id,
        "procurement.supplier_interests"
    );
    assert!(notice(&app).contains("finding"), "{:?}", app.notice);
}

#[test]
fn moving_on_into_another_area_is_said() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "ctx.period_end");
    press(&mut app, "<Enter>31/05/2012<Enter>");
    let s = session(&app);
    assert_eq!(s.area, 1);
    assert_eq!(
        app.notice.as_deref(),
        Some("On to Relationships with the media and other parties.")
    );
}

#[test]
fn keys_with_no_meaning_say_so() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    for key in [":", "<C-p>", "z"] {
        press(&mut app, key);
        assert!(
            notice(&app).contains("does nothing here. Press ? for"),
            "{key}: {:?}",
            app.notice
        );
    }
}

#[test]
fn the_details_pane_stops_scrolling_at_its_end() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    update(&mut app, Action::Resize(80, 24));
    go(&mut app, "procurement.gifts_crossref");
    press(&mut app, "<Tab>");
    assert_eq!(session(&app).pane, Pane::Detail);
    press(&mut app, "G");
    let end = session(&app).scroll.top();
    assert!(end > 0);
    for _ in 0..11 {
        press(&mut app, "<PgDn>");
    }
    assert_eq!(session(&app).scroll.top(), end, "never past the end");
    let screen = draw(&app, 80, 24).to_string();
    let bottom = screen.lines().nth(20).unwrap();
    assert!(
        bottom.contains("Dorset no)"),
        "the last line is at the bottom:\n{screen}"
    );
    press(&mut app, "k");
    assert_eq!(session(&app).scroll.top(), end - 1, "straight back");
    // A larger window shows more at once, so it scrolls less far.
    update(&mut app, Action::Resize(120, 40));
    press(&mut app, "G");
    assert!(session(&app).scroll.top() < end);
}

#[test]
fn help_opens_on_the_keys_of_where_it_was_opened() {
    let dir = data_dir();
    let mut app = App::home(ws(dir.path()));
    app.theme.colour = false;
    press(&mut app, "?");
    let screen = draw(&app, 80, 24).to_string();
    let first = screen.lines().nth(2).unwrap();
    assert!(first.contains("Home: your assessments"), "{screen}");
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "N");
    update(&mut app, Action::Help);
    let Some(Dialog::Help(help)) = &app.dialog else {
        panic!("F1 opens help from the note editor")
    };
    assert_eq!(help.from, crate::tui::keymap::Context::Note);
    let screen = draw(&app, 80, 24).to_string();
    assert!(
        screen.contains("Ctrl-U") && screen.contains("delete to the start"),
        "{screen}"
    );
}

#[test]
fn search_follows_each_key_and_esc_puts_back_what_was_there() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "/zeb");
    assert_eq!(session(&app).search.as_deref(), Some("zeb"));
    assert_eq!(session(&app).matches.iter().sum::<usize>(), 0);
    press(&mut app, "<C-u>gifts");
    let found = session(&app).matches.iter().sum::<usize>();
    assert!(found > 0);
    press(&mut app, "<Esc>");
    let s = session(&app);
    assert_eq!(s.search, None);
    assert_eq!(s.item().unwrap().id, "media.policy");
    press(&mut app, "/gifts<Enter>");
    assert_eq!(session(&app).search.as_deref(), Some("gifts"));
}

#[test]
fn a_typed_date_is_read_back_before_it_is_saved() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "procurement.gifts_crossref");
    press(&mut app, "d31/03/2013");
    let Some(Dialog::Entry(entry)) = &app.dialog else {
        panic!()
    };
    assert_eq!(
        entry.reads_as.as_deref(),
        Some("Reads as Sunday 31 March 2013.")
    );
    assert!(!file(&path).contains("due ="), "not saved yet");
    press(&mut app, "<Enter>");
    assert!(file(&path).contains("due = 2013-03-31"));
    // A day past the month's end is said while it is typed.
    press(&mut app, &format!("d{}31/02/2013", "<BS>".repeat(10)));
    let Some(Dialog::Entry(entry)) = &app.dialog else {
        panic!()
    };
    assert_eq!(
        entry.reads_as.as_deref(),
        Some("No such date: February 2013 has 28 days, so there is no 31 February.")
    );
}

#[test]
fn two_pasted_lines_stay_apart_in_a_one_line_field() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "procurement.gifts_crossref");
    press(&mut app, "o");
    update(
        &mut app,
        Action::Paste("Head of PSD\nDeputy Chief Constable".into()),
    );
    press(&mut app, "<Enter>");
    assert!(
        file(&path).contains("owner = \"Head of PSD; Deputy Chief Constable\""),
        "{}",
        file(&path)
    );
}

#[test]
fn the_overview_moves_around_the_whole_checklist_and_jumps() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "O");
    assert!(matches!(app.dialog, Some(Dialog::Overview(_))));
    press(&mut app, "Gkkhhhhhhll<Enter>");
    let s = session(&app);
    let area = s.checklist.areas.len() - 3;
    assert_eq!(s.area, area);
    assert_eq!(s.item().unwrap().id, s.checklist.areas[area].items[2].id);
}

#[test]
fn where_to_go_after_an_answer_is_the_users_own_setting() {
    let dir = data_dir();
    std::fs::write(dir.path().join("config.toml"), "after_answer = \"stay\"\n").unwrap();
    let (_, path) = dorset(dir.path());
    let mut ws = ws(dir.path());
    ws.identify(Some("Jo Bloggs")).unwrap();
    let mut app = App::open(ws, &path).unwrap();
    go(&mut app, "media.policy");
    press(&mut app, "y");
    assert_eq!(session(&app).item().unwrap().id, "media.policy", "it stays");
}

#[test]
fn lower_and_capital_g_go_to_the_ends_of_a_choice_list() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.social.monitoring");
    press(&mut app, "<Enter>G<Enter>");
    assert!(file(&path).contains("value = \"proactive\""));
    go(&mut app, "media.social.monitoring");
    press(&mut app, "<Enter>Gg<Enter>");
    assert!(file(&path).contains("value = \"none\""));
}

#[test]
fn h_and_l_stop_at_the_outer_panes_and_tab_goes_round() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "hh");
    assert_eq!(session(&app).pane, Pane::Areas);
    assert!(notice(&app).contains("leftmost"));
    press(&mut app, "ll");
    assert_eq!(session(&app).pane, Pane::Detail);
    press(&mut app, "l");
    assert_eq!(session(&app).pane, Pane::Detail, "l stops at the details");
    assert!(notice(&app).contains("rightmost"));
    press(&mut app, "<Tab>");
    assert_eq!(session(&app).pane, Pane::Areas, "Tab goes round");
    press(&mut app, "<BackTab>");
    assert_eq!(session(&app).pane, Pane::Detail);
}

#[test]
fn j_and_k_at_the_ends_say_so() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "gk");
    assert!(notice(&app).contains("This is the first item"));
    let last_area = session(&app).checklist.areas.len() - 1;
    let last = session(&app).checklist.areas[last_area]
        .items
        .last()
        .unwrap()
        .id
        .clone();
    go(&mut app, &last);
    press(&mut app, "j");
    assert_eq!(session(&app).item().unwrap().id, last);
    assert!(notice(&app).contains("This is the last item"));
    press(&mut app, "hj");
    assert!(notice(&app).contains("This is the last area"));
}
