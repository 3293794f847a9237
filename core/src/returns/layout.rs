//! Where everything sits in a return, shared by the writer and the reader so the two cannot
//! disagree.

/// The sheet a contributor reads first.
pub const COVER: &str = "About this return";
/// The sheet of questions and entry cells.
pub const QUESTIONS: &str = "Questions";
/// The hidden sheet that ties the return to its assessment.
pub const DATA: &str = "probity";

/// The version of this layout, so a later probity can tell an older return.
pub const LAYOUT: &str = "1";

/// On the questions sheet: the header row, then one row per item.
pub const HEADER_ROW: u32 = 2;
pub const FIRST_ROW: u32 = HEADER_ROW + 1;

/// Columns of the questions sheet.
pub const NUMBER: u16 = 0;
pub const AREA: u16 = 1;
pub const QUESTION: u16 = 2;
pub const GUIDANCE: u16 = 3;
pub const ANSWER: u16 = 4;
pub const HOW: u16 = 5;
pub const NOTE: u16 = 6;
pub const EVIDENCE: u16 = 7;
pub const OWNER: u16 = 8;
pub const DUE: u16 = 9;

/// Headings and widths of the questions sheet's columns, in order.
pub const COLUMNS: [(&str, f64); 10] = [
    ("No.", 5.0),
    ("Area", 16.0),
    ("Question", 40.0),
    ("Guidance: what good looks like", 46.0),
    ("Answer", 18.0),
    ("How to answer", 28.0),
    ("Note: why, or what is missing", 40.0),
    ("Evidence (separate with ;)", 28.0),
    ("Owner of any action", 20.0),
    ("Action due by", 13.0),
];

/// Keys of the hidden sheet's first rows (column A), each with its value in column B.
pub mod key {
    pub const LAYOUT: &str = "return layout";
    pub const FORCE: &str = "force";
    pub const PERIOD: &str = "period";
    pub const CHECKLIST: &str = "checklist";
    pub const VERSION: &str = "checklist version";
    pub const FINGERPRINT: &str = "checklist fingerprint";
    pub const TO: &str = "for";
    pub const FROM: &str = "from";
    pub const MADE: &str = "made";
    pub const DUE: &str = "due";
    pub const ALL: [&str; 10] = [
        LAYOUT,
        FORCE,
        PERIOD,
        CHECKLIST,
        VERSION,
        FINGERPRINT,
        TO,
        FROM,
        MADE,
        DUE,
    ];
}

/// On the hidden sheet, beside the first key: the return's own token (key in C1, value in
/// D1), which the history recorded when the return was made. Returns made before tokens were
/// written leave these cells empty.
pub const TOKEN_KEY: &str = "return token";
pub const TOKEN_ROW: u32 = 0;
pub const TOKEN_COL: u16 = 3;

/// On the hidden sheet, the table of rows starts here: a heading, then for each item its row on
/// the questions sheet, its id, and what each entry cell held when the return was made.
pub const TABLE_ROW: u32 = key::ALL.len() as u32 + 1;
pub const TABLE: [&str; 7] = ["row", "item", "value", "note", "evidence", "owner", "due"];

/// On the hidden sheet, the options of choice items, one column each from here, so an answer
/// cell's list can name them however long they are.
pub const LISTS: u16 = TABLE.len() as u16 + 1;

/// How evidence references are joined in one cell, and the characters that split them back.
pub const EVIDENCE_JOIN: &str = "; ";
pub const EVIDENCE_SPLIT: [char; 2] = [';', '\n'];

/// A cell's name as a spreadsheet shows it: (6, 4) → "E7".
pub fn cell_name(row: u32, col: u16) -> String {
    rust_xlsxwriter::utility::row_col_to_cell(row, col)
}
