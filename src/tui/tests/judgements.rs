//! Graded judgements in the interface: the areas pane and the overview show grades, and `J`
//! records or clears the assessor's judgement through the same use case as `probity judge`,
//! undoable like any change.

use probity_core::checklist::Grade;
use probity_core::workspace::Workspace;

use super::screens::snap;
use super::*;

/// A copy of the Northmoor 2026 fixture (graded, with the assessor's requires improvement on
/// vetting) in `dir`, open in the interface on its first area with the areas pane focused.
fn northmoor(dir: &Path) -> (App, PathBuf) {
    let path = dir.join("northmoor-2026.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/northmoor-2026.toml"),
        &path,
    )
    .unwrap();
    northmoor_at(&path)
}

/// The assessment at `path` open in the interface on its first area, with the areas pane
/// focused.
fn northmoor_at(path: &Path) -> (App, PathBuf) {
    let dir = path.parent().unwrap();
    let mut ws = Workspace::new(Some(dir), date(2026, 5, 1)).unwrap();
    ws.actor = "Jo Bloggs".into();
    let mut app = App::open(ws, path).unwrap();
    app.theme.colour = false;
    app.dialog = None;
    app.notice = None;
    if let super::super::app::Screen::Assessment(s) = &mut app.screen {
        s.area = 0;
        s.visible.clear();
        s.refilter();
        s.cursor = crate::tui::widgets::Cursor(0);
        s.pane = crate::tui::session::Pane::Areas;
    }
    (app, path.to_path_buf())
}

/// The standing of an area's judgement in the session: (derived, the assessor's, rationale).
fn vetting(app: &App) -> (Option<Grade>, Option<Grade>, Option<String>) {
    let s = session(app);
    let at = s
        .checklist
        .areas
        .iter()
        .position(|a| a.id == "vetting")
        .unwrap();
    let j = s.judgement(at).unwrap();
    (j.derived, j.overridden, j.rationale.clone())
}

/// The text of the screen's columns `cols`, row by row.
fn columns(screen: &ratatui::backend::TestBackend, cols: std::ops::Range<u16>) -> String {
    let buf = screen.buffer();
    (0..buf.area.height)
        .map(|y| {
            cols.clone()
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Moves the areas pane's selection to vetting.
fn to_vetting(app: &mut App) {
    to_area(app, "vetting");
}

/// Moves the areas pane's selection to the area `id`.
fn to_area(app: &mut App, id: &str) {
    let at = session(app)
        .checklist
        .areas
        .iter()
        .position(|a| a.id == id)
        .unwrap();
    if let super::super::app::Screen::Assessment(s) = &mut app.screen {
        s.pane = crate::tui::session::Pane::Areas;
    }
    press(app, "g");
    for _ in 0..at {
        press(app, "j");
    }
    assert_eq!(session(app).checklist.areas[session(app).area].id, id);
}

#[test]
fn the_areas_pane_shows_grades_and_the_assessor_s_is_marked() {
    let dir = data_dir();
    let (mut app, _) = northmoor(dir.path());
    to_vetting(&mut app);
    let screen = format!("{:?}", draw(&app, 120, 40));
    assert!(screen.contains("RI*"), "{screen}");
    let areas = columns(&draw(&app, 120, 40), 0..30);
    for rag in ["Green", "Amber", "Red", "Prov."] {
        assert!(!areas.contains(rag), "no rating beside grades: {areas}");
    }
    assert!(
        screen.contains("assessor's judgement; derived inadequate"),
        "{screen}"
    );
    snap("graded_areas", &app);
}

#[test]
fn the_overview_shows_the_headline_judgements() {
    let dir = data_dir();
    let (mut app, _) = northmoor(dir.path());
    press(&mut app, "O");
    let screen = format!("{:?}", draw(&app, 120, 40));
    assert!(screen.contains("Headline judgements:"), "{screen}");
    snap("graded_overview", &app);
}

#[test]
fn an_override_is_recorded_undone_redone_and_cleared() {
    let dir = data_dir();
    let (mut app, path) = northmoor(dir.path());
    to_vetting(&mut app);
    let (derived, assessor, _) = vetting(&app);
    assert_eq!(derived, Some(Grade::Inadequate));
    assert_eq!(assessor, Some(Grade::RequiresImprovement));

    // Clear it: the derived grade stands, saved at once.
    press(&mut app, "J");
    snap("judgement_picker", &app);
    press(&mut app, "G<Enter>");
    assert!(notice(&app).contains("cleared"), "{}", notice(&app));
    assert_eq!(vetting(&app).1, None);
    assert!(!file(&path).contains("[judgements.vetting]"));

    // Record adequate: the rationale is asked for, and required.
    press(&mut app, "J");
    assert!(matches!(
        &app.dialog,
        Some(crate::tui::dialog::Dialog::Picker(_))
    ));
    // From the derived inadequate, up two to adequate.
    press(&mut app, "<Up><Up><Enter>");
    press(&mut app, "<Enter>");
    assert!(
        matches!(&app.dialog, Some(crate::tui::dialog::Dialog::Entry(e)) if e.error.as_deref().is_some_and(|e| e.contains("rationale"))),
        "an empty rationale is refused"
    );
    press(&mut app, "Plan funded after the period ended.");
    snap("judgement_rationale", &app);
    press(&mut app, "<Enter>");
    assert!(app.dialog.is_none());
    assert_eq!(
        vetting(&app),
        (
            Some(Grade::Inadequate),
            Some(Grade::Adequate),
            Some("Plan funded after the period ended.".into())
        )
    );
    let saved = file(&path);
    assert!(saved.contains("override = \"adequate\""), "{saved}");
    assert!(saved.contains("Plan funded after the period ended."));

    // Undo puts the cleared state back, redo the override, and both are saved.
    press(&mut app, "u");
    assert!(
        notice(&app).starts_with("Undone: the judgement of"),
        "{}",
        notice(&app)
    );
    assert_eq!(vetting(&app).1, None);
    assert!(!file(&path).contains("[judgements.vetting]"));
    press(&mut app, "<C-r>");
    assert_eq!(vetting(&app).1, Some(Grade::Adequate));
    assert!(file(&path).contains("override = \"adequate\""));

    // Undo twice more: back past the clearing to the fixture's own override and rationale.
    press(&mut app, "uu");
    let (_, assessor, rationale) = vetting(&app);
    assert_eq!(assessor, Some(Grade::RequiresImprovement));
    assert!(
        rationale
            .unwrap()
            .starts_with("The chief officer group funded")
    );
    let saved = file(&path);
    assert!(
        saved.contains("override = \"requires_improvement\""),
        "{saved}"
    );

    // The history records each change to the judgement, as `probity judge` does.
    let history = std::fs::read_to_string(probity_core::history::path_for(&path)).unwrap();
    assert!(history.matches("vetting").count() >= 4, "{history}");
}

#[test]
fn the_judgement_key_says_why_it_does_nothing_on_an_ungraded_checklist() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    press(&mut app, "J");
    assert!(app.dialog.is_none());
    assert!(
        notice(&app).contains("no graded judgements"),
        "{}",
        notice(&app)
    );
}

#[test]
fn an_area_without_a_judgement_or_a_read_only_window_says_why_nothing_opens() {
    let dir = data_dir();
    let (mut app, path) = northmoor(dir.path());
    // The first area asks only for context, so it has no grade to override.
    press(&mut app, "J");
    assert!(app.dialog.is_none());
    assert!(
        notice(&app).contains("no judgement to record"),
        "{}",
        notice(&app)
    );
    // A second window on the same file is read-only: J says so and changes nothing.
    let before = file(&path);
    let mut ws = Workspace::new(Some(dir.path()), date(2026, 5, 1)).unwrap();
    ws.actor = "Jo Bloggs".into();
    let mut second = App::open(ws, &path).unwrap();
    second.dialog = None;
    to_vetting(&mut second);
    press(&mut second, "J");
    assert!(second.dialog.is_none());
    assert!(notice(&second).contains("read-only"), "{}", notice(&second));
    assert_eq!(file(&path), before);
}

/// An area whose key evidence is older than its window shows no grade, and its details say
/// why in the checklist's words, as the report does.
#[test]
fn an_area_with_stale_evidence_says_why_it_has_no_judgement() {
    let dir = data_dir();
    let (_, path) = northmoor(dir.path());
    let text = file(&path).replace(
        "[answers.\"corruption.threat_assessment_on\"]\nvalue = 2024-11-29",
        "[answers.\"corruption.threat_assessment_on\"]\nvalue = 2023-11-29",
    );
    assert!(text.contains("2023-11-29"));
    std::fs::write(&path, text).unwrap();
    let (mut app, _) = northmoor_at(&path);
    to_area(&mut app, "corruption");
    // The details pane is the right-hand third; its lines read as one text.
    let screen = columns(&draw(&app, 160, 50), 97..159);
    let flat = screen
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains("no judgement yet"), "{screen}");
    assert!(
        flat.contains("the evidence is older than the 24 months this checklist allows"),
        "{screen}"
    );
}
