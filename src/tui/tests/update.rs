use super::*;
use crate::tui::app::Screen;
use crate::tui::dialog::Dialog;
use crate::tui::session::{Filter, Pane, SaveState};
use crate::tui::{Action, update::update};
use probity_core::answer::{Status, Value};

#[test]
fn a_status_key_records_the_answer_saves_and_moves_on() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "y");
    let s = session(&app);
    assert_eq!(
        s.assessment.value("media.policy"),
        Some(&Value::Status(Status::Yes))
    );
    assert_eq!(s.save, SaveState::Saved);
    assert!(
        file(&path).contains("[answers.\"media.policy\"]\nvalue = \"yes\""),
        "{}",
        file(&path)
    );
    // The next unanswered item is selected.
    assert_eq!(s.item().unwrap().id, "media.policy.reviewed_on");
}

#[test]
fn advancing_can_be_turned_off() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AA");
    assert!(notice(&app).contains("stays on the same item"));
    press(&mut app, "n");
    assert_eq!(session(&app).item().unwrap().id, "media.policy");
}

#[test]
fn clearing_an_answer_keeps_the_note() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AANkept<Esc>yy<Del>");
    let s = session(&app);
    assert_eq!(s.assessment.value("media.policy"), None);
    assert_eq!(
        s.assessment.answer("media.policy").unwrap().note.as_deref(),
        Some("kept")
    );
    assert!(!file(&path).contains("value = \"yes\""));
}

#[test]
fn a_bad_typed_entry_is_explained_and_the_old_value_stays() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "business.applications");
    press(&mut app, "AA<Enter>49<Enter>");
    assert_eq!(
        session(&app).assessment.value("business.applications"),
        Some(&Value::Number(49.0))
    );
    press(&mut app, "<Enter><BS><BS>4.5x<Enter>");
    let Some(Dialog::Entry(input)) = &app.dialog else {
        panic!("the field stays open")
    };
    assert!(
        input
            .error
            .as_deref()
            .unwrap()
            .contains("is not a whole number"),
        "{:?}",
        input.error
    );
    assert_eq!(
        session(&app).assessment.value("business.applications"),
        Some(&Value::Number(49.0))
    );
    assert!(file(&path).contains("value = 49"));
    // Typing again clears the message; Esc leaves the old value in place.
    press(&mut app, "<BS>");
    let Some(Dialog::Entry(input)) = &app.dialog else {
        panic!()
    };
    assert!(input.error.is_none());
    press(&mut app, "<Esc>");
    assert!(app.dialog.is_none());
    assert_eq!(
        session(&app).assessment.value("business.applications"),
        Some(&Value::Number(49.0))
    );
}

#[test]
fn status_keys_on_other_kinds_explain_how_to_answer() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "business.applications");
    press(&mut app, "y");
    assert!(notice(&app).contains("press Enter"));
    assert_eq!(
        session(&app).assessment.value("business.applications"),
        None
    );
}

#[test]
fn choice_items_use_a_picker() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.social.monitoring");
    press(&mut app, "<Enter>");
    let Some(Dialog::Picker(picker)) = &app.dialog else {
        panic!("a picker opens")
    };
    let second = picker.options[1].0.clone();
    press(&mut app, "j<Enter>");
    assert_eq!(
        session(&app).assessment.value("media.social.monitoring"),
        Some(&Value::Choice(second.clone()))
    );
    assert!(file(&path).contains(&format!("value = \"{second}\"")));
}

#[test]
fn notes_take_pasted_text_without_control_characters() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "N");
    update(
        &mut app,
        Action::Paste("Policy seen\r\n\u{1b}]0;owned\u{7}on file".into()),
    );
    press(&mut app, "<Esc>y");
    let note = session(&app)
        .assessment
        .answer("media.policy")
        .unwrap()
        .note
        .clone()
        .unwrap();
    assert_eq!(note, "Policy seen\n]0;ownedon file");
    assert!(!file(&path).contains('\u{1b}'));
}

#[test]
fn evidence_owner_due_and_review_are_recorded() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "procurement.gifts_crossref");
    press(
        &mut app,
        "eaGifts policy 2012<Enter>aRegister extract<Enter>",
    );
    press(&mut app, "j<Enter><BS><BS><BS><BS><BS><BS><BS>Q3<Enter>");
    press(&mut app, "k<Del><Esc>");
    press(&mut app, "oHead of Procurement<Enter>d2013-02-30<Enter>");
    let Some(Dialog::Entry(input)) = &app.dialog else {
        panic!("a bad date keeps the field open")
    };
    assert!(input.error.as_deref().unwrap().contains("not a date"));
    // A signed six-digit year is a date to jiff but not one a file can hold: refused the same.
    press(&mut app, "<Esc>d-000001-03-31<Enter>");
    let Some(Dialog::Entry(input)) = &app.dialog else {
        panic!("a date outside years 1 to 9999 keeps the field open")
    };
    assert!(input.error.as_deref().unwrap().contains("not a date"));
    press(&mut app, "<Esc>d2013-03-31<Enter>r");
    let answer = session(&app)
        .assessment
        .answer("procurement.gifts_crossref")
        .unwrap()
        .clone();
    assert_eq!(answer.evidence, ["Register Q3"]);
    assert_eq!(answer.owner.as_deref(), Some("Head of Procurement"));
    assert_eq!(answer.due, Some(jiff::civil::date(2013, 3, 31)));
    assert!(answer.review);
    let text = file(&path);
    assert!(text.contains("evidence = [\"Register Q3\"]"), "{text}");
    assert!(
        text.contains("due = 2013-03-31") && text.contains("review = true"),
        "{text}"
    );
}

#[test]
fn dates_may_be_typed_the_british_way() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "procurement.gifts_crossref");
    press(&mut app, "d31 March 2013<Enter>");
    go(&mut app, "ctx.completed_on");
    press(&mut app, "<Enter>30/11/2012<Enter>");
    let s = session(&app);
    assert_eq!(
        s.assessment
            .answer("procurement.gifts_crossref")
            .unwrap()
            .due,
        Some(jiff::civil::date(2013, 3, 31))
    );
    assert_eq!(
        s.assessment.value("ctx.completed_on"),
        Some(&Value::Date(jiff::civil::date(2012, 11, 30)))
    );
    let text = file(&path);
    assert!(
        text.contains("due = 2013-03-31") && text.contains("value = 2012-11-30"),
        "{text}"
    );
    go(&mut app, "ctx.completed_on");
    press(
        &mut app,
        &format!("<Enter>{}31/11/2012<Enter>", "<BS>".repeat(10)),
    );
    let Some(Dialog::Entry(input)) = &app.dialog else {
        panic!("a bad date keeps the field open")
    };
    assert_eq!(
        input.error.as_deref(),
        Some("\"31/11/2012\" is not a date: November 2012 has 30 days, so there is no 31 November")
    );
}

#[test]
fn the_crossreferencing_gap_appears_as_soon_as_it_is_answered() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "gifts.register.exists");
    press(&mut app, "y");
    assert!(session(&app).evaluation.findings.is_empty());
    go(&mut app, "procurement.gifts_crossref");
    press(&mut app, "n");
    let s = session(&app);
    let finding = s
        .evaluation
        .findings
        .iter()
        .find(|f| f.id == "gifts_register_not_crossreferenced")
        .expect("the rule fires");
    assert_eq!(finding.severity, probity_core::checklist::Severity::High);
    assert_eq!(s.evaluation.counts().0, 1);
    // The findings panel jumps to the item that holds the action.
    go(&mut app, "media.policy");
    press(&mut app, "f<Enter>");
    assert!(app.dialog.is_none());
    let s = session(&app);
    assert_eq!(s.item().unwrap().id, "procurement.gifts_crossref");
    assert_eq!(s.pane, Pane::Items);
}

#[test]
fn filters_show_unanswered_flagged_and_carried_items() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "r");
    press(&mut app, "vvv");
    let s = session(&app);
    assert_eq!(s.filter, Filter::Flagged);
    assert_eq!(s.matches.iter().sum::<usize>(), 1);
    assert_eq!(s.item().unwrap().id, "media.policy");
    press(&mut app, "v");
    assert_eq!(session(&app).filter, Filter::Unconfirmed);
    assert_eq!(session(&app).matches.iter().sum::<usize>(), 0);
    press(&mut app, "<Esc>");
    assert_eq!(session(&app).filter, Filter::All);
}

#[test]
fn search_finds_prompts_guidance_and_notes() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "training.leaders");
    press(&mut app, "Nzebra crossing<Esc>y");
    press(&mut app, "/ZEBRA<Enter>");
    let s = session(&app);
    assert_eq!(s.search.as_deref(), Some("ZEBRA"));
    assert_eq!(s.matches.iter().sum::<usize>(), 1);
    press(&mut app, "/<BS><BS><BS><BS><BS><Enter>");
    assert_eq!(session(&app).search, None);
}

#[test]
fn carried_answers_are_confirmed_with_one_key() {
    let dir = data_dir();
    let (app, path) = dorset(dir.path());
    drop(app);
    let text = file(&path) + "\n[answers.\"media.policy\"]\nvalue = \"yes\"\ncarried = true\n";
    std::fs::write(&path, text).unwrap();
    let mut app = App::open(ws(dir.path()), &path).unwrap();
    press(&mut app, "vvvv");
    assert_eq!(session(&app).filter, Filter::Unconfirmed);
    assert_eq!(session(&app).item().unwrap().id, "media.policy");
    press(&mut app, "c");
    assert!(
        !session(&app)
            .assessment
            .answer("media.policy")
            .unwrap()
            .carried
    );
    assert!(!file(&path).contains("carried = true"));
    press(&mut app, "<Esc>");
    go(&mut app, "media.policy");
    press(&mut app, "c");
    assert!(notice(&app).contains("Nothing to confirm"));
}

#[test]
fn a_second_window_is_read_only_and_changes_nothing() {
    let dir = data_dir();
    let (_first, path) = dorset(dir.path());
    let before = file(&path);
    let mut second = App::open(ws(dir.path()), &path).unwrap();
    assert_eq!(session(&second).save, SaveState::ReadOnly);
    go(&mut second, "media.policy");
    press(&mut second, "y");
    assert!(notice(&second).contains("read-only"));
    assert_eq!(session(&second).assessment.value("media.policy"), None);
    assert_eq!(file(&path), before);
}

#[test]
fn a_failed_save_is_kept_retried_and_quitting_asks_first() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    // A folder that is not there stands in for a full disk or a read-only folder.
    let folder = dir.path().join("sub");
    if let Screen::Assessment(s) = &mut app.screen {
        s.opened.path = folder.join("a.toml");
    }
    go(&mut app, "media.policy");
    press(&mut app, "AAy");
    let s = session(&app);
    assert!(
        matches!(&s.save, SaveState::Failed(e) if e.contains("could not save")),
        "{:?}",
        s.save
    );
    assert_eq!(
        s.assessment.value("media.policy"),
        Some(&Value::Status(Status::Yes)),
        "the change stays in memory"
    );
    press(&mut app, "Q");
    assert!(!app.quit);
    assert!(matches!(app.dialog, Some(Dialog::ConfirmQuit(_))));
    press(&mut app, "<Esc>");
    assert!(app.dialog.is_none() && !app.quit);
    // Once the folder is back, the next change saves everything.
    probity_core::storage::ensure_private_dir(&folder).unwrap();
    press(&mut app, "y");
    assert_eq!(session(&app).save, SaveState::Saved);
    assert!(file(&folder.join("a.toml")).contains("media.policy"));
    press(&mut app, "Q");
    assert!(app.quit);
}

#[test]
fn quitting_with_a_failed_save_can_retry_or_discard() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    let folder = dir.path().join("missing");
    if let Screen::Assessment(s) = &mut app.screen {
        s.opened.path = folder.join("a.toml");
    }
    go(&mut app, "media.policy");
    press(&mut app, "y<C-c>");
    assert!(matches!(app.dialog, Some(Dialog::ConfirmQuit(_))));
    press(&mut app, "s");
    assert!(!app.quit, "the retry failed too");
    press(&mut app, "q<C-c>y");
    assert!(app.quit);
}

#[test]
fn quitting_from_the_note_editor_keeps_the_note() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "Nhalf-written<C-c>");
    assert!(app.quit);
    assert!(file(&path).contains("note = \"half-written\""));
}

#[test]
fn navigation_moves_between_panes_areas_and_items() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "<BackTab>jj");
    let s = session(&app);
    assert_eq!(s.pane, Pane::Areas);
    assert_eq!(s.area, 2);
    assert_eq!(s.cursor.at(), 0);
    press(&mut app, "<Tab>G");
    let s = session(&app);
    assert_eq!(s.cursor.at(), s.visible.len() - 1);
    press(&mut app, "g<Tab><PgDn>");
    assert_eq!(session(&app).pane, Pane::Detail);
    assert!(session(&app).scroll.top() > 0);
    press(&mut app, "<Tab>");
    assert_eq!(session(&app).pane, Pane::Areas);
}

#[test]
fn export_writes_each_format_and_asks_before_replacing() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    let report = dir.path().join("dorset-police-2012-report.md");
    press(&mut app, "x<Enter>");
    let Some(Dialog::Export(export)) = &app.dialog else {
        panic!("the dialog stays open")
    };
    assert!(
        matches!(&export.result, Some(Ok(m)) if m.contains(&report.display().to_string())),
        "the whole path is said: {:?}",
        export.result
    );
    assert!(file(&report).contains("Dorset Police"));
    // The same name again: asked first, and "no" keeps the file as it was.
    std::fs::write(&report, "last week's").unwrap();
    press(&mut app, "<Enter>");
    let Some(Dialog::Export(export)) = &app.dialog else {
        panic!()
    };
    assert_eq!(export.replacing.as_deref(), Some(report.as_path()));
    press(&mut app, "<Enter>");
    assert_eq!(file(&report), "last week's", "a second Enter is not a yes");
    let screen = draw(&app, 80, 24).to_string();
    assert!(
        screen.contains("y replace") && !screen.contains("Enter write"),
        "only the question's keys are offered: {screen}"
    );
    press(&mut app, "n");
    assert_eq!(file(&report), "last week's");
    press(&mut app, "<Enter>y");
    assert!(
        file(&report).contains("Dorset Police"),
        "replaced when asked to"
    );
    // Each other format gets its own extension.
    for format in &<probity_core::report::Report as probity_core::document::Document>::FORMATS[1..]
    {
        press(&mut app, "<Down><Enter>");
        assert!(
            dir.path()
                .join(format!("dorset-police-2012-report.{}", format.extension()))
                .exists()
        );
    }
}

#[test]
fn export_paths_start_where_probity_was_started_and_expand_home() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "x");
    let Some(Dialog::Export(export)) = &app.dialog else {
        panic!()
    };
    assert_eq!(
        export.target(),
        dir.path().join("dorset-police-2012-report.md")
    );
    press(&mut app, "<C-u>~/r.md");
    let Some(Dialog::Export(export)) = &app.dialog else {
        panic!()
    };
    let home = std::path::PathBuf::from(std::env::var_os("HOME").unwrap());
    assert_eq!(export.target(), home.join("r.md"));
    // "." and ".." are tidied out of the path said and written.
    press(&mut app, "<C-u>./a/../r.md");
    let Some(Dialog::Export(export)) = &app.dialog else {
        panic!()
    };
    assert_eq!(export.target(), dir.path().join("r.md"));
}

#[test]
fn export_opens_on_the_format_last_written() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "x<Down><Enter><Esc>");
    press(&mut app, "x");
    let Some(Dialog::Export(export)) = &app.dialog else {
        panic!()
    };
    assert_eq!(export.format.at(), 1, "the second format, as last written");
    assert!(export.target().extension().is_some_and(|e| e != "md"));
}

#[test]
fn the_home_screen_lists_and_creates_assessments() {
    let dir = data_dir();
    let mut app = App::home(ws(dir.path()));
    press(&mut app, "<Enter>");
    assert!(notice(&app).contains("press c"));
    press(&mut app, "cDorset Police<Tab>2012<Enter>");
    assert_eq!(session(&app).assessment.force, "Dorset Police");
    assert!(dir.path().join("dorset-police-2012.toml").exists());
    drop(app);
    let mut app = App::home(ws(dir.path()));
    let Screen::Home(home) = &app.screen else {
        panic!()
    };
    assert_eq!(home.entries.len(), 1);
    press(&mut app, "<Enter>");
    assert_eq!(session(&app).assessment.period, "2012");
    drop(app);
    // Creating the same one again is refused with the reason.
    let mut app = App::home(ws(dir.path()));
    press(&mut app, "cDorset Police<Tab>2012<Enter>");
    let Screen::NewForm(form) = &app.screen else {
        panic!("the form stays")
    };
    assert!(
        form.error.as_deref().unwrap().contains("already exists"),
        "{:?}",
        form.error
    );
    // Read as one text, the lines of the screen hold the reason whole at 80 columns.
    let screen = draw(&app, 80, 24).to_string();
    let text = screen
        .split(['│', '"', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("or open it from the list"), "{screen}");
    press(&mut app, "<Esc>");
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn help_opens_everywhere_and_scrolls() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "?jj");
    assert!(matches!(&app.dialog, Some(Dialog::Help(h)) if h.scroll.top() == 2));
    press(&mut app, "<Esc>N?");
    assert!(
        matches!(app.dialog, Some(Dialog::Note(_))),
        "? is typed in the note editor"
    );
}

#[test]
fn help_stops_scrolling_at_its_end_and_comes_straight_back() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "?");
    for _ in 0..100 {
        press(&mut app, "<PgDn>");
    }
    let top = |app: &App| match &app.dialog {
        Some(Dialog::Help(h)) => h.scroll.top(),
        _ => panic!("help is open"),
    };
    let end = top(&app);
    press(&mut app, "jG");
    assert_eq!(top(&app), end, "nothing past the end");
    let screen = draw(&app, 80, 24).to_string();
    assert!(
        screen.contains("stay"),
        "the last key shows at the bottom:\n{screen}"
    );
    press(&mut app, "k");
    assert_eq!(top(&app), end - 1, "one key back up moves at once");
    press(&mut app, "g");
    assert_eq!(top(&app), 0);
}

#[test]
fn reopening_resumes_at_the_first_unanswered_item() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    press(
        &mut app,
        "<Enter>Dorset Police<Enter><Enter>Head of PSD<Enter>q",
    );
    drop(app);
    let app = App::open(ws(dir.path()), &path).unwrap();
    assert_eq!(session(&app).item().unwrap().id, "ctx.completed_on");
}

#[test]
fn export_paths_can_hold_any_letter() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "x<End><BS><BS>jkq");
    let Some(Dialog::Export(export)) = &app.dialog else {
        panic!("the dialog stays open")
    };
    assert!(
        export.path.lines()[0].ends_with("-report.jkq"),
        "{:?}",
        export.path.lines()
    );
}

/// Dorset's 2012 file with one answer, and the new-assessment form filled in for 2013 starting
/// from it.
fn form_from_2012(dir: &std::path::Path) -> App {
    let (mut app, _) = dorset(dir);
    go(&mut app, "media.policy");
    press(&mut app, "yq");
    drop(app);
    let mut app = App::home(ws(dir));
    press(&mut app, "c<Tab>2013<Tab><Tab><Tab><Right>");
    app
}

#[test]
fn next_year_starts_from_last_year_with_a_briefing_and_confirmations() {
    let dir = data_dir();
    let mut app = form_from_2012(dir.path());
    let Screen::NewForm(form) = &app.screen else {
        panic!()
    };
    assert_eq!(form.previous[form.from - 1].1, "Dorset Police, 2012");
    press(&mut app, "<Enter>");
    assert!(matches!(&app.dialog, Some(Dialog::Reading(b)) if !b.lines.is_empty()));
    let s = session(&app);
    assert_eq!(
        (s.assessment.force.as_str(), s.assessment.period.as_str()),
        ("Dorset Police", "2013")
    );
    assert!(s.assessment.answer("media.policy").unwrap().carried);
    press(&mut app, "<Enter>vvvv");
    assert_eq!(session(&app).filter, Filter::Unconfirmed);
    // The force, filled in when 2012 was started, is carried too.
    assert_eq!(session(&app).item().unwrap().id, "ctx.force");
    go(&mut app, "media.policy");
    press(&mut app, "c");
    assert!(
        !session(&app)
            .assessment
            .answer("media.policy")
            .unwrap()
            .carried
    );
    let path = dir.path().join("dorset-police-2013.toml");
    let (saved, _) = probity_core::assessment::load(&path, &ws(dir.path()).catalog).unwrap();
    assert!(
        !saved.answer("media.policy").unwrap().carried,
        "the confirmation is saved"
    );
}

#[test]
fn the_form_chooses_the_checklist_when_carrying_forward_and_says_why() {
    let dir = data_dir();
    // Period 2013, started from Dorset 2012: the 2011 checklist is kept, and the form says why.
    let mut app = form_from_2012(dir.path());
    let Screen::NewForm(form) = &app.screen else {
        panic!()
    };
    let (id, why) = form.to_use(&app.ws);
    assert_eq!(id, "wfof-2011");
    assert!(why.contains("only for periods from 2025"), "{why}");
    let screen = draw(&app, 100, 30).to_string();
    assert!(screen.contains("‹ wfof-2011 ›"), "{screen}");
    // ← → on the checklist field choose another, even when carrying forward.
    press(&mut app, "<BackTab><Right>");
    let Screen::NewForm(form) = &app.screen else {
        panic!()
    };
    let (id, why) = form.to_use(&app.ws);
    assert_eq!(id, "integrity-2026");
    assert!(why.contains("as chosen"), "{why}");
    press(&mut app, "<Enter>");
    assert_eq!(session(&app).assessment.checklist, "integrity-2026");
}

#[test]
fn export_can_leave_out_names_and_notes() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AAy");
    press(&mut app, "NSpoke to DS Example<Esc>yoDS Example<Enter>");
    press(&mut app, "x<Tab><Enter>");
    let written = file(&dir.path().join("dorset-police-2012-report-redacted.md"));
    assert!(!written.contains("DS Example"), "{written}");
    assert!(written.to_lowercase().contains("redact"), "{written}");
}

#[cfg(unix)]
#[test]
fn a_data_folder_others_can_reach_is_noted_on_the_first_screen() {
    use std::os::unix::fs::PermissionsExt;
    let dir = data_dir();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o775)).unwrap();
    let mut app = App::home(ws(dir.path()));
    let notice = app.notice.clone().unwrap();
    assert!(
        notice.contains("(permissions 775)") && notice.contains("chmod 700"),
        "{notice}"
    );
    press(&mut app, "<Down>");
    assert!(app.notice.is_none(), "said once");
}

#[test]
fn keys_do_nothing_while_the_window_is_too_small_except_quit() {
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    go(&mut app, "media.policy");
    let before = file(&path);
    update(&mut app, Action::Resize(60, 20));
    press(&mut app, "nj<Space>S");
    assert!(notice(&app).contains("Keys do nothing while the window is too small"));
    let s = session(&app);
    assert_eq!(s.assessment.value("media.policy"), None);
    assert_eq!(s.item().unwrap().id, "media.policy");
    assert_eq!(file(&path), before);
    let screen = format!("{:?}", draw(&app, 60, 20));
    assert!(screen.contains("Keys do nothing while"), "{screen}");
    // Back at a size that shows the interface, the request goes and keys act again.
    update(&mut app, Action::Resize(80, 24));
    assert_eq!(app.notice, None);
    press(&mut app, "n");
    assert_eq!(
        session(&app).assessment.value("media.policy"),
        Some(&Value::Status(Status::No))
    );
    // Q quits even while the window is too small.
    update(&mut app, Action::Resize(60, 20));
    press(&mut app, "Q");
    assert!(app.quit);
}

#[test]
fn correcting_an_answer_stays_on_the_item() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "y");
    assert_ne!(
        session(&app).item().unwrap().id,
        "media.policy",
        "a first answer moves on"
    );
    go(&mut app, "media.policy");
    press(&mut app, "p");
    let s = session(&app);
    assert_eq!(s.item().unwrap().id, "media.policy", "a correction stays");
    assert_eq!(
        s.assessment.value("media.policy"),
        Some(&Value::Status(Status::Partial))
    );
    press(&mut app, "y");
    assert_eq!(session(&app).item().unwrap().id, "media.policy");
    assert!(
        notice(&app).contains("answered already, so probity stays on it"),
        "{}",
        notice(&app)
    );
}

#[test]
fn every_change_key_says_what_it_did() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AAy");
    press(&mut app, "r");
    assert!(
        notice(&app).starts_with("Flagged for review"),
        "{}",
        notice(&app)
    );
    press(&mut app, "r");
    assert!(
        notice(&app).starts_with("No longer flagged"),
        "{}",
        notice(&app)
    );
    press(&mut app, "<Del>");
    assert!(
        notice(&app).starts_with("Answer cleared"),
        "{}",
        notice(&app)
    );
    assert!(notice(&app).ends_with("u undoes it."), "{}", notice(&app));
    press(&mut app, "<Del>");
    assert!(
        notice(&app).contains("no answer to clear"),
        "{}",
        notice(&app)
    );
}
