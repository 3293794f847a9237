//! Snapshots of every screen at 80×24 and 120×40, plus the message below the minimum size.

use super::*;

pub(super) fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = draw(app, w, h);
        snap_one(name, w, h, screen);
    }
}

/// A snapshot at one size, for screens whose state depends on the window (a scrolled end).
fn snap_one(name: &str, w: u16, h: u16, screen: TestBackend) {
    insta::with_settings!({
        snapshot_suffix => format!("{w}x{h}"),
        filters => vec![
            (r"/tmp/pd\w{6}", "[DATA]"),
            (r"\d{4}-\d\d-\d\d \d\d:\d\d", "[SAVED]"),
            (r"\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d [A-Z+\-0-9]+", "[WHEN]"),
            (r"seal [0-9a-f]{4}(-[0-9a-f]{4}){3}", "seal [SEAL]"),
        ],
    }, {
        insta::assert_snapshot!(name, screen);
    });
}

/// Scrolls with `keys` in a window of each size, then snaps it: the scrolled end must show the
/// last line at the bottom, at 80 × 24 as at 120 × 40.
fn snap_scrolled(name: &str, make: impl Fn() -> App, keys: &str) {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = make();
        update(&mut app, crate::tui::Action::Resize(w, h));
        press(&mut app, keys);
        snap_one(name, w, h, draw(&app, w, h));
    }
}

/// Dorset part-answered: the gifts register kept but procurement not checked against it.
fn part_answered(dir: &Path) -> App {
    let (mut app, _) = dorset(dir);
    go(&mut app, "gifts.register.exists");
    press(&mut app, "y");
    go(&mut app, "procurement.gifts_crossref");
    press(&mut app, "AA");
    press(
        &mut app,
        "nNNo cross-check of contract awards against the register yet.<Esc>y",
    );
    press(
        &mut app,
        "eaGifts, Hospitality and Benefits Policy 2012<Enter><Esc>r",
    );
    app
}

#[test]
fn home_screen() {
    let dir = data_dir();
    let mut app = App::home(ws(dir.path()));
    app.theme.colour = false;
    snap("home_empty", &app);
    drop(part_answered(dir.path()));
    let app = App::home(ws(dir.path()));
    snap("home", &app);
    let mut app = app;
    press(&mut app, "cDorset Police<Tab>2013<Tab>");
    snap("new_form", &app);
}

#[test]
fn assessment_screen() {
    let dir = data_dir();
    let mut app = part_answered(dir.path());
    snap("assessment", &app);
    press(&mut app, "v");
    snap("assessment_unanswered", &app);
}

#[test]
fn findings_panel() {
    let dir = data_dir();
    let mut app = part_answered(dir.path());
    press(&mut app, "f");
    snap("findings", &app);
}

#[test]
fn dialogs() {
    let dir = data_dir();
    let mut app = part_answered(dir.path());
    press(&mut app, "N");
    snap("note_editor", &app);
    press(&mut app, "<Esc>e");
    snap("evidence", &app);
    press(&mut app, "<Esc><Enter>");
    snap("picker", &app);
    press(&mut app, "<Esc>");
    go(&mut app, "business.applications");
    press(&mut app, "<Enter>lots<Enter>");
    snap("typed_entry_error", &app);
    press(&mut app, "<Esc>x");
    snap("export", &app);
    press(&mut app, "<Esc>?");
    snap("help", &app);
}

#[test]
fn read_only_banner() {
    let dir = data_dir();
    let (_first, path) = dorset(dir.path());
    let mut second = App::open(ws(dir.path()), &path).unwrap();
    second.theme.colour = false;
    snap("read_only", &second);
}

#[test]
fn a_folder_that_cannot_be_written_gets_its_own_banner() {
    use probity_core::workspace::ReadOnly;
    let dir = data_dir();
    let (mut app, path) = dorset(dir.path());
    let mut opened = app.ws.open(&path).unwrap();
    opened.release(ReadOnly::FolderNotWritable);
    app.screen = crate::tui::app::Screen::Assessment(Box::new(Session::new(opened, &app.ws)));
    let screen = format!("{}", draw(&app, 120, 40));
    assert!(
        screen.contains("READ-ONLY: its folder cannot be written  Dorset Police · 2012"),
        "{screen}"
    );
}

#[test]
fn a_small_window_gets_a_clear_message() {
    let dir = data_dir();
    let (app, _) = dorset(dir.path());
    insta::assert_snapshot!(draw(&app, 60, 20));
}

#[test]
fn long_notes_are_clipped_not_wrapped_whole() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "N");
    update(&mut app, crate::tui::Action::Paste("word ".repeat(200_000)));
    press(&mut app, "<Esc>");
    let screen = format!("{}", draw(&app, 80, 24));
    assert!(
        screen.contains("Note") && screen.contains("word word"),
        "{screen}"
    );
}

#[test]
fn an_item_that_is_not_asked_says_why() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy.reviewed_on");
    snap("not_asked", &app);
}

#[test]
fn colour_backs_up_the_words_and_no_color_leaves_only_the_words() {
    use ratatui::style::Color;
    let dir = data_dir();
    let mut app = part_answered(dir.path());
    // Enough of procurement answered "no" for a firm, red rating (not a provisional one).
    let procurement: Vec<String> = session(&app)
        .checklist
        .areas
        .iter()
        .find(|a| a.id == "procurement")
        .unwrap()
        .items
        .iter()
        .filter(|i| i.kind == probity_core::answer::Kind::Status)
        .map(|i| i.id.clone())
        .collect();
    for id in procurement {
        go(&mut app, &id);
        press(&mut app, "n");
    }
    let find = |backend: &TestBackend, word: &str| {
        let buffer = backend.buffer();
        let width = buffer.area.width as usize;
        let text: Vec<String> = buffer
            .content
            .iter()
            .map(|c| c.symbol().to_string())
            .collect();
        let at = (0..text.len() - word.len())
            .find(|&i| (0..word.len()).all(|k| text[i + k] == word[k..k + 1]) && (i % width) < 5)
            .expect("the word is on screen");
        buffer.content[at].fg
    };
    app.theme.colour = true;
    assert_eq!(find(&draw(&app, 80, 24), "Red "), Color::Red);
    app.theme.colour = false;
    assert_eq!(find(&draw(&app, 80, 24), "Red "), Color::Reset);
}

#[test]
fn carrying_forward_from_the_form_shows_a_briefing() {
    let dir = data_dir();
    drop(part_answered(dir.path()));
    let mut app = App::home(ws(dir.path()));
    app.theme.colour = false;
    press(&mut app, "c<Tab>2013<Tab><Tab><Tab><Right>");
    snap("new_form_from", &app);
    press(&mut app, "<Enter>");
    snap("briefing", &app);
}

#[test]
fn a_yes_without_evidence_is_pointed_out_beside_the_item() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "media.policy");
    press(&mut app, "AAy");
    let screen = format!("{}", draw(&app, 120, 40));
    assert!(
        screen.contains("To check:") && screen.contains("evidence is recorded"),
        "{screen}"
    );
    press(&mut app, "eaMedia policy 2012<Enter><Esc>");
    let screen = format!("{}", draw(&app, 120, 40));
    assert!(!screen.contains("no evidence"), "{screen}");
}

#[test]
fn the_header_shows_the_forces_trend_across_periods_in_the_folder() {
    let dir = data_dir();
    for (period, name) in [("2011", "dorset-2011.toml"), ("2013", "dorset-2013.toml")] {
        let source = if period == "2011" {
            "tests/fixtures/trend/dorset-2011.toml"
        } else {
            "tests/fixtures/dorset-2013.toml"
        };
        std::fs::copy(source, dir.path().join(name)).unwrap();
    }
    std::fs::copy(
        "tests/fixtures/dorset-2012.toml",
        dir.path().join("dorset-2012.toml"),
    )
    .unwrap();
    let mut app = App::open(ws(dir.path()), &dir.path().join("dorset-2012.toml")).unwrap();
    app.theme.colour = false;
    let s = session(&app);
    let periods: Vec<&str> = s.trend().iter().map(|(p, _)| *p).collect();
    assert_eq!(periods, ["2011", "2012", "2013"]);
    assert_eq!(
        s.trend()[1].1,
        s.evaluation.overall,
        "the open period is scored live"
    );
    let screen = draw(&app, 120, 40);
    let text = screen.to_string();
    let header = text.lines().next().unwrap();
    assert!(header.contains("2011–2013 "), "{header}");
    assert!(header.contains("→80→"), "{header}");

    // A changed answer moves the open period's point at once.
    let before = s.trend()[1].1;
    go(&mut app, "procurement.gifts_crossref");
    press(&mut app, "y");
    assert!(session(&app).trend()[1].1 > before);
}

#[test]
fn the_overview_grid() {
    let dir = data_dir();
    let mut app = part_answered(dir.path());
    press(&mut app, "O");
    snap("overview", &app);
}

#[test]
fn scrolled_to_the_end() {
    let dir = data_dir();
    drop(part_answered(dir.path()));
    let path = dir.path().join("dorset-police-2012.toml");
    let open = || {
        let mut app = App::open(ws(dir.path()), &path).unwrap();
        app.theme.colour = false;
        go(&mut app, "procurement.gifts_crossref");
        app
    };
    snap_scrolled("details_end", open, "<Tab>G");
    snap_scrolled("help_end", open, "?G");
    snap_scrolled("findings_end", open, "f<PgDn><PgDn><PgDn><PgDn>");
}

#[test]
fn questions_asked_before_a_change() {
    let dir = data_dir();
    let mut app = part_answered(dir.path());
    press(&mut app, "N more<Esc>");
    snap("note_keep_or_discard", &app);
    let path = dir.path().join("dorset-police-2012.toml");
    drop(app);
    let text = file(&path).replace("value = \"no\"", "value = \"no\"\ncarried = true");
    std::fs::write(&path, text).unwrap();
    let mut app = App::open(ws(dir.path()), &path).unwrap();
    app.theme.colour = false;
    go(&mut app, "procurement.gifts_crossref");
    press(&mut app, "C");
    snap("confirm_area", &app);
}

/// The areas pane's text, its rows joined and spaces collapsed.
fn areas_pane_text(screen: &TestBackend) -> String {
    let buffer = screen.buffer();
    let mut rows = Vec::new();
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        if let Some(rest) = row.strip_prefix('│')
            && let Some(end) = rest.find('│')
        {
            rows.push(rest[..end].to_string());
        }
    }
    // A name wrapped after a hyphen reads whole again when the rows are joined.
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "-")
}

#[test]
fn every_built_in_area_name_shows_whole_at_120_and_at_80_columns() {
    for fixture in ["dorset-2012.toml", "northmoor-2026.toml"] {
        let dir = data_dir();
        let path = dir.path().join(fixture);
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        std::fs::copy(fixtures.join(fixture), &path).unwrap();
        let mut app = App::open(ws(dir.path()), &path).unwrap();
        app.dialog = None;
        let areas: Vec<(String, String)> = session(&app)
            .checklist
            .areas
            .iter()
            .map(|a| (a.title.clone(), a.items[0].id.clone()))
            .collect();
        for (title, first) in areas {
            go(&mut app, &first);
            for (w, h) in [(120, 40), (80, 24)] {
                let pane = areas_pane_text(&draw(&app, w, h));
                assert!(
                    pane.contains(&title),
                    "{fixture} at {w}x{h}: {title:?} in {pane:?}"
                );
            }
        }
    }
}

#[test]
fn an_item_answered_by_a_recorded_cross_check_says_when_on_which_files_and_how_many_matches() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    go(&mut app, "procurement.gifts_crossref");
    let hash = "ab".repeat(32);
    press(
        &mut app,
        &format!(
            "eaCross-check on 2026-12-07: 3 matches (3 in gifts, 0 in interests); gifts \"gifts.csv\" sha256 {hash} (5 rows); suppliers \"awards.json\" sha256 {hash} (2 rows)<Enter><Esc>"
        ),
    );
    let screen = format!("{}", draw(&app, 160, 50));
    for words in [
        "Cross-check run on 7 December 2026 on gifts.csv and",
        "awards.json: 3 matches",
    ] {
        assert!(screen.contains(words), "{words}: {screen}");
    }
    assert!(!screen.contains(&hash), "{screen}");
}

#[test]
fn list_panes_mark_more_above_and_below() {
    let dir = data_dir();
    let (mut app, _) = dorset(dir.path());
    if let super::super::app::Screen::Assessment(s) = &mut app.screen {
        s.pane = crate::tui::session::Pane::Areas;
    }
    let row = |app: &App, y: u16| -> String {
        let screen = draw(app, 80, 24);
        (0..80)
            .map(|x| screen.buffer()[(x, y)].symbol().to_string())
            .collect()
    };
    // The last area: more areas above, none below.
    press(&mut app, "G");
    assert_eq!(row(&app, 2).chars().nth(21), Some('▲'), "{}", row(&app, 2));
    assert_ne!(
        row(&app, 20).chars().nth(21),
        Some('▼'),
        "{}",
        row(&app, 20)
    );
    // The second area's last item: more items above, and more areas below.
    press(&mut app, "gj<Tab>G");
    assert_eq!(row(&app, 2).chars().nth(53), Some('▲'), "{}", row(&app, 2));
    assert_eq!(
        row(&app, 20).chars().nth(21),
        Some('▼'),
        "{}",
        row(&app, 20)
    );
    snap("list_marks", &app);
}
