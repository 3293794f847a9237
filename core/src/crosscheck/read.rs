//! Reading the registers and supplier files: CSV (UTF-8 with or without BOM, or
//! Windows-1252), workbooks through calamine, and OCDS release or record packages. Columns are
//! found by their usual headers, case and punctuation aside, or as the user names them.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use jiff::civil::Date;
use serde::Serialize;
use serde_json::Value as Json;
use sha2::{Digest, Sha256};

use super::normalise;

/// What a file is given as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A gifts and hospitality register.
    Gifts,
    /// A business-interest or secondary-employment register.
    Interests,
    /// Contract awards, a contract register or payments to suppliers.
    Suppliers,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Gifts, Role::Interests, Role::Suppliers];

    pub fn name(self) -> &'static str {
        match self {
            Role::Gifts => "gifts",
            Role::Interests => "interests",
            Role::Suppliers => "suppliers",
        }
    }

    /// The file's role in words: "gifts and hospitality register".
    pub fn describe(self) -> &'static str {
        match self {
            Role::Gifts => "gifts and hospitality register",
            Role::Interests => "business-interest register",
            Role::Suppliers => "supplier file",
        }
    }
}

/// A column the cross-check reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Who gave the gift, the business the interest is in, or the supplier: the one needed.
    Name,
    /// The member of staff (registers only).
    Person,
    Date,
    Value,
    /// A Companies House number.
    Number,
    Description,
    /// Accepted or declined (gifts).
    Status,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Name,
        Field::Person,
        Field::Date,
        Field::Value,
        Field::Number,
        Field::Description,
        Field::Status,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Person => "person",
            Field::Date => "date",
            Field::Value => "value",
            Field::Number => "number",
            Field::Description => "description",
            Field::Status => "status",
        }
    }

    /// The usual headers for this column in a file of this role, most specific first.
    pub fn headers(self, role: Role) -> &'static [&'static str] {
        match (self, role) {
            (Field::Name, Role::Gifts) => &[
                "Offered by",
                "Donor",
                "Provider",
                "Provided by",
                "Given by",
                "Offered by organisation",
                "Organisation",
                "Organization",
                "Company",
                "Company name",
                "Supplier",
                "Source",
                "Host",
            ],
            (Field::Name, Role::Interests) => &[
                "Business or company",
                "Name of business",
                "Business name",
                "Business interest",
                "Company",
                "Company name",
                "Organisation",
                "Organization",
                "Business",
                "Employer",
                "Secondary employer",
            ],
            (Field::Name, Role::Suppliers) => &[
                "Supplier Name",
                "Supplier",
                "Vendor",
                "Vendor name",
                "Payee",
                "Payee name",
                "Awarded supplier",
                "Supplier name awarded",
                "Beneficiary",
                "Merchant",
                "Company",
                "Organisation name",
            ],
            (Field::Person, Role::Suppliers) => &[],
            (Field::Person, _) => &[
                "Name of officer",
                "Officer",
                "Staff name",
                "Member of staff",
                "Employee",
                "Employee name",
                "Recipient",
                "Received by",
                "Declared by",
                "Name",
            ],
            (Field::Date, Role::Suppliers) => &[
                "Awarded Date",
                "Award date",
                "Date awarded",
                "Contract start date",
                "Start date",
                "Payment date",
                "Date paid",
                "Transaction date",
                "Date",
            ],
            (Field::Date, _) => &[
                "Date received",
                "Date offered",
                "Date of offer",
                "Date declared",
                "Date approved",
                "Date",
            ],
            (Field::Value, _) => &[
                "Estimated value (£)",
                "Estimated value",
                "Awarded value",
                "Value (£)",
                "Value",
                "Amount (£)",
                "Amount",
                "Net amount",
                "Total",
            ],
            (Field::Number, _) => &[
                "Companies House number",
                "Company number",
                "Company registration number",
                "Registration number",
                "Supplier company number",
                "CRN",
            ],
            (Field::Description, Role::Suppliers) => &[
                "Contract title",
                "Title",
                "Description",
                "Expense type",
                "Expenditure category",
                "Purpose",
            ],
            (Field::Description, _) => &[
                "Description",
                "Nature of gift",
                "Nature of hospitality",
                "Nature of interest",
                "Details",
                "Gift or hospitality",
                "Gift",
                "Role",
                "Position",
            ],
            (Field::Status, Role::Gifts) => &[
                "Accepted or declined",
                "Accepted/declined",
                "Accepted / declined",
                "Accepted",
                "Outcome",
                "Decision",
                "Status",
            ],
            (Field::Status, _) => &[],
        }
    }
}

/// A header as compared: letters and digits only, lower case ("Supplier Name:" is
/// "suppliername").
fn header_key(h: &str) -> String {
    h.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A header the user named for a column, in a file of one role or of every role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub role: Option<Role>,
    pub field: Field,
    pub header: String,
}

/// Why a `--columns` setting cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{given}\" does not name a column: write KIND=HEADER, where KIND is one of {kinds}, optionally after gifts., interests. or suppliers. (e.g. suppliers.name=Payee)"
)]
pub struct BadColumn {
    pub given: String,
    pub kinds: String,
}

impl Named {
    /// Reads `KIND=HEADER` or `ROLE.KIND=HEADER`.
    pub fn parse(given: &str) -> Result<Named, BadColumn> {
        let bad = || BadColumn {
            given: given.to_string(),
            kinds: Field::ALL.map(Field::name).join(", "),
        };
        let (kind, header) = given.split_once('=').ok_or_else(bad)?;
        let kind = kind.trim().to_ascii_lowercase();
        let (role, field) = match kind.split_once('.') {
            Some((r, f)) => (
                Some(
                    Role::ALL
                        .into_iter()
                        .find(|x| x.name() == r)
                        .ok_or_else(bad)?,
                ),
                f.to_string(),
            ),
            None => (None, kind),
        };
        let field = Field::ALL
            .into_iter()
            .find(|f| f.name() == field)
            .ok_or_else(bad)?;
        let header = header.trim();
        if header.is_empty() {
            return Err(bad());
        }
        Ok(Named {
            role,
            field,
            header: header.to_string(),
        })
    }
}

/// One row of a register or supplier file, as the cross-check uses it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Row {
    /// The row's number in its file (the line in a CSV, the row in a sheet), counting from 1.
    pub line: usize,
    pub name: String,
    pub number: Option<String>,
    pub person: Option<String>,
    pub date: Option<Date>,
    pub value: Option<String>,
    pub description: Option<String>,
    pub status: Option<String>,
}

/// Rows left out, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// How many skipped rows are listed one by one; the count covers them all.
const SKIPPED_LISTED: usize = 50;

/// One input as read: what it is, its hash and its rows.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    pub role: Role,
    pub sha256: String,
    /// What the file was read as: "CSV (Windows-1252)", "workbook", "OCDS release package".
    pub read_as: String,
    pub rows: Vec<Row>,
    pub skipped: usize,
    pub skipped_listed: Vec<Skipped>,
}

impl Input {
    fn skip(&mut self, line: usize, reason: impl Into<String>) {
        self.skipped += 1;
        if self.skipped_listed.len() < SKIPPED_LISTED {
            self.skipped_listed.push(Skipped {
                line,
                reason: reason.into(),
            });
        }
    }
}

/// Why an input cannot be used. Nothing is written when any input is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InputError {
    #[error("{} cannot be read: {why}", .path.display())]
    Unreadable { path: PathBuf, why: String },
    #[error(
        "{}: no column for the {} was found. Its headers: {}. Needed one of: {}",
        .path.display(), .needs, shown_list(.has), .expected.join(", ")
    )]
    MissingColumn {
        path: PathBuf,
        role: Role,
        /// The column in words: "name of who gave the gift".
        needs: String,
        /// The headers the file has (the first non-empty row of the first sheet).
        has: Vec<String>,
        /// The headers that would have been taken.
        expected: Vec<String>,
    },
    #[error("{}: the column \"{header}\" given for the {field} is not among its headers: {}", .path.display(), shown_list(.has))]
    NamedColumnMissing {
        path: PathBuf,
        field: String,
        header: String,
        has: Vec<String>,
    },
    #[error("{} is not an OCDS release or record package: {why}", .path.display())]
    NotOcds { path: PathBuf, why: String },
}

fn shown_list(headers: &[String]) -> String {
    if headers.is_empty() {
        "none (the file is empty)".to_string()
    } else {
        headers
            .iter()
            .map(|h| format!("\"{h}\""))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The column needed in a file of this role, in words.
fn needed(role: Role) -> &'static str {
    match role {
        Role::Gifts => "name of who offered the gift or hospitality",
        Role::Interests => "name of the business or company",
        Role::Suppliers => "supplier's name",
    }
}

/// How far down a sheet or CSV the header row is looked for, below title rows.
const HEADER_SEARCH: usize = 20;

/// Reads one input. `named` are the headers the user named (`--columns`).
pub fn input(path: &Path, role: Role, named: &[Named]) -> Result<Input, InputError> {
    let unreadable = |why: String| InputError::Unreadable {
        path: path.to_path_buf(),
        why,
    };
    let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    let sha256 = hex(&Sha256::digest(&bytes));
    let mut input = Input {
        path: path.to_path_buf(),
        role,
        sha256,
        read_as: String::new(),
        rows: Vec::new(),
        skipped: 0,
        skipped_listed: Vec::new(),
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let first = bytes
        .iter()
        .copied()
        .find(|b| !(b.is_ascii_whitespace() || matches!(b, 0xEF | 0xBB | 0xBF)));
    let zipped = bytes.starts_with(b"PK\x03\x04");
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if extension == "json" || (!zipped && matches!(first, Some(b'{' | b'['))) {
        ocds(&bytes, &mut input)?;
    } else if zipped || ole || matches!(extension.as_str(), "xlsx" | "xlsm" | "xls" | "ods") {
        let rows = workbook(&bytes).map_err(unreadable)?;
        input.read_as = "workbook".to_string();
        table(
            rows.into_iter()
                .map(|(line, cells)| Ok((line, csv::StringRecord::from(cells)))),
            &mut input,
            named,
        )?;
    } else {
        let (text, encoding) = decode(&bytes);
        input.read_as = format!("CSV ({encoding})");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        // Each row stays one record (one buffer for all its cells) until its cells are taken.
        let records = reader.records().map(|r| {
            r.map(|record| {
                let line = record.position().map_or(0, |p| p.line() as usize);
                (line, record)
            })
            .map_err(|e| e.to_string())
        });
        table(records, &mut input, named)?;
    }
    Ok(input)
}

/// The file's text and how it was decoded: UTF-8 (a byte-order mark dropped) when it is valid
/// UTF-8, else Windows-1252, which every byte decodes in.
pub fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, &'static str) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF")
        && let Ok(text) = std::str::from_utf8(rest)
    {
        return (text.into(), "UTF-8 with byte-order mark");
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.into(), "UTF-8");
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    (text, "Windows-1252")
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The first sheet of a workbook as text rows, each with its row number.
fn workbook(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, String> {
    crate::returns::read::inflates_within_bounds(bytes)?;
    let mut book =
        crate::returns::read::guarded(|| calamine::open_workbook_auto_from_rs(Cursor::new(bytes)))?
            .map_err(|e| e.to_string())?;
    let range = crate::returns::read::guarded(|| book.worksheet_range_at(0))?
        .ok_or("it has no sheets")?
        .map_err(|e| e.to_string())?;
    let start = range.start().map_or(0, |(r, _)| r as usize);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| (start + i + 1, cells.iter().map(cell_text).collect()))
        .collect())
}

/// A cell as text; dates as ISO dates.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::DateTime(d) => {
            excel_date(d.as_f64()).map_or_else(|| d.to_string(), |d| d.to_string())
        }
        Data::DateTimeIso(s) => s.chars().take(10).collect(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

/// A spreadsheet's day number as a date (day 25569 is 1 January 1970).
fn excel_date(serial: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let epoch = jiff::civil::date(1899, 12, 30);
    epoch
        .checked_add(jiff::Span::new().days(serial.floor() as i64))
        .ok()
}

/// Reads rows with a header row somewhere in the first [`HEADER_SEARCH`] rows.
fn table(
    mut rows: impl Iterator<Item = Result<(usize, csv::StringRecord), String>>,
    input: &mut Input,
    named: &[Named],
) -> Result<(), InputError> {
    let role = input.role;
    let path = input.path.clone();
    let unreadable = |why: String| InputError::Unreadable {
        path: path.clone(),
        why,
    };
    // Find the header row: the first where the needed column is found.
    let mut seen: Vec<(usize, csv::StringRecord)> = Vec::new();
    let mut found: Option<Columns> = None;
    for row in rows.by_ref() {
        let (line, cells) = row.map_err(&unreadable)?;
        if let Some(columns) = Columns::find(&cells, role, named, &path)? {
            found = Some(columns);
            break;
        }
        seen.push((line, cells));
        if seen.len() >= HEADER_SEARCH {
            break;
        }
    }
    let Some(columns) = found else {
        let has: Vec<String> = seen
            .iter()
            .map(|(_, cells)| cells)
            .find(|cells| cells.iter().any(|c| !c.trim().is_empty()))
            .map(|cells| {
                cells
                    .iter()
                    .map(crate::text::sanitize_line)
                    .filter(|c| !c.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        if let Some(name) = named
            .iter()
            .find(|n| n.field == Field::Name && n.role.is_none_or(|r| r == role))
        {
            return Err(InputError::NamedColumnMissing {
                path,
                field: needed(role).to_string(),
                header: name.header.clone(),
                has,
            });
        }
        return Err(InputError::MissingColumn {
            path,
            role,
            needs: needed(role).to_string(),
            has,
            expected: Field::Name
                .headers(role)
                .iter()
                .map(|h| (*h).to_string())
                .collect(),
        });
    };
    for row in rows {
        let (line, cells) = row.map_err(&unreadable)?;
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let at = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .filter(|c| !c.trim().is_empty())
                .map(crate::text::sanitize_line)
                .filter(|c| !c.is_empty())
        };
        let Some(name) = at(Some(columns.name)) else {
            input.skip(line, "no name in the name column");
            continue;
        };
        let date_text = at(columns.date);
        let date = date_text.as_deref().and_then(parse_date);
        input.rows.push(Row {
            line,
            name,
            number: at(columns.number).and_then(|n| normalise::company_number(&n)),
            person: at(columns.person),
            date,
            value: at(columns.value),
            description: at(columns.description),
            status: at(columns.status),
        });
    }
    Ok(())
}

/// Where each column is in a file.
struct Columns {
    name: usize,
    number: Option<usize>,
    person: Option<usize>,
    date: Option<usize>,
    value: Option<usize>,
    description: Option<usize>,
    status: Option<usize>,
}

impl Columns {
    /// The columns, if `cells` is the header row (it holds the name column).
    fn find(
        cells: &csv::StringRecord,
        role: Role,
        named: &[Named],
        path: &Path,
    ) -> Result<Option<Columns>, InputError> {
        let keys: Vec<String> = cells.iter().map(header_key).collect();
        let mut taken: Vec<usize> = Vec::new();
        let mut column = |field: Field| -> Option<usize> {
            let given = named
                .iter()
                .rev()
                .find(|n| n.field == field && n.role.is_none_or(|r| r == role));
            let candidates: Vec<String> = match given {
                Some(n) => vec![header_key(&n.header)],
                None => field.headers(role).iter().map(|h| header_key(h)).collect(),
            };
            let found = candidates.iter().find_map(|want| {
                keys.iter()
                    .enumerate()
                    .find(|(i, k)| *k == want && !taken.contains(i))
                    .map(|(i, _)| i)
            });
            if let Some(i) = found {
                taken.push(i);
            }
            found
        };
        let Some(name) = column(Field::Name) else {
            return Ok(None);
        };
        let number = column(Field::Number);
        let date = column(Field::Date);
        let value = column(Field::Value);
        let status = column(Field::Status);
        let description = column(Field::Description);
        let person = column(Field::Person);
        // A column the user named that this header row lacks is a mistake to say, not skip.
        for n in named
            .iter()
            .filter(|n| n.field != Field::Name && n.role.is_some_and(|r| r == role))
        {
            if !keys.contains(&header_key(&n.header)) {
                return Err(InputError::NamedColumnMissing {
                    path: path.to_path_buf(),
                    field: n.field.name().to_string(),
                    header: n.header.clone(),
                    has: cells
                        .iter()
                        .map(crate::text::sanitize_line)
                        .filter(|c| !c.is_empty())
                        .collect(),
                });
            }
        }
        Ok(Some(Columns {
            name,
            number,
            person,
            date,
            value,
            description,
            status,
        }))
    }
}

/// A date as registers and spend files write them: 2024-03-12 (or an ISO time), 12/03/2024,
/// 12/03/24, 12-03-2024, 12.03.2024, 12 March 2024, 12 Mar 2024, 12-Mar-2024 or 12-Mar-24.
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if text.len() >= 10
        && let Some(iso) = text.get(..10)
        && let Ok(d) = iso.parse::<Date>()
    {
        return Some(d);
    }
    const FORMATS: &[&str] = &[
        "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%d-%b-%Y",
        "%d-%b-%y", "%d %b %y",
    ];
    // Spreadsheets sometimes keep a time after the date: "12/03/2024 00:00:00".
    let day = text.split_whitespace().take(3).collect::<Vec<_>>();
    let candidates = [
        text.to_string(),
        day.first().map_or_else(String::new, |d| (*d).to_string()),
        day.join(" "),
    ];
    for candidate in &candidates {
        for format in FORMATS {
            if let Ok(d) = Date::strptime(format, candidate) {
                // "24" read as a four-digit year is the year 0024: it means 2024.
                let year = d.year();
                return match year {
                    0..=69 => d.with().year(2000 + year).build().ok(),
                    70..=99 => d.with().year(1900 + year).build().ok(),
                    _ => Some(d),
                };
            }
        }
    }
    None
}

/// Suppliers from an OCDS release package, record package, single release or list of releases:
/// each award's suppliers (with the award's date, value and title) and every party with the
/// supplier role, with its Companies House number (`GB-COH`) when given.
fn ocds(bytes: &[u8], input: &mut Input) -> Result<(), InputError> {
    let not = |why: &str| InputError::NotOcds {
        path: input.path.clone(),
        why: why.to_string(),
    };
    if input.role != Role::Suppliers {
        return Err(InputError::Unreadable {
            path: input.path.clone(),
            why: format!(
                "it is JSON, but a {} is read from a CSV file or a workbook",
                input.role.describe()
            ),
        });
    }
    let (text, _) = decode(bytes);
    let json: Json = serde_json::from_str(&text).map_err(|e| not(&format!("{e}")))?;
    let mut releases: Vec<&Json> = Vec::new();
    let kind = if let Some(list) = json.get("releases").and_then(Json::as_array) {
        releases.extend(list.iter());
        "OCDS release package"
    } else if let Some(records) = json.get("records").and_then(Json::as_array) {
        for record in records {
            match record.get("compiledRelease") {
                Some(compiled) => releases.push(compiled),
                None => releases.extend(
                    record
                        .get("releases")
                        .and_then(Json::as_array)
                        .into_iter()
                        .flatten(),
                ),
            }
        }
        "OCDS record package"
    } else if json.get("ocid").is_some() {
        releases.push(&json);
        "OCDS release"
    } else if let Some(list) = json.as_array() {
        releases.extend(list.iter().filter(|r| r.get("ocid").is_some()));
        if releases.is_empty() {
            return Err(not(
                "it is a list, but of no releases (objects with an \"ocid\")",
            ));
        }
        "list of OCDS releases"
    } else {
        return Err(not(
            "it has no \"releases\" or \"records\", and is not a release (no \"ocid\")",
        ));
    };
    input.read_as = kind.to_string();
    let text_of = |v: Option<&Json>| {
        v.and_then(|v| match v {
            Json::String(s) => Some(crate::text::sanitize_line(s)),
            Json::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .filter(|s| !s.is_empty())
    };
    for (index, release) in releases.iter().enumerate() {
        let line = index + 1;
        let parties: Vec<&Json> = release
            .get("parties")
            .and_then(Json::as_array)
            .map(|p| p.iter().collect())
            .unwrap_or_default();
        let number_of = |party: &Json| -> Option<String> {
            let identifiers = std::iter::once(party.get("identifier")).flatten().chain(
                party
                    .get("additionalIdentifiers")
                    .and_then(Json::as_array)
                    .into_iter()
                    .flatten(),
            );
            for identifier in identifiers {
                if identifier.get("scheme").and_then(Json::as_str) == Some("GB-COH")
                    && let Some(id) = text_of(identifier.get("id"))
                {
                    return normalise::company_number(&id);
                }
            }
            None
        };
        let party_by_id = |id: &str| {
            parties
                .iter()
                .find(|p| text_of(p.get("id")).as_deref() == Some(id))
        };
        let mut named: Vec<String> = Vec::new();
        for award in release
            .get("awards")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
        {
            let date = text_of(award.get("date")).as_deref().and_then(parse_date);
            let value = award.get("value").and_then(|v| {
                let amount = text_of(v.get("amount"))?;
                Some(match text_of(v.get("currency")) {
                    Some(c) => format!("{amount} {c}"),
                    None => amount,
                })
            });
            let title = text_of(award.get("title"))
                .or_else(|| text_of(release.get("tender").and_then(|t| t.get("title"))));
            for supplier in award
                .get("suppliers")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
            {
                let party = text_of(supplier.get("id")).and_then(|id| party_by_id(&id).copied());
                let name = text_of(supplier.get("name"))
                    .or_else(|| party.and_then(|p| text_of(p.get("name"))));
                let Some(name) = name else {
                    input.skip(line, "an award's supplier has no name");
                    continue;
                };
                named.push(name.clone());
                input.rows.push(Row {
                    line,
                    name,
                    number: party.and_then(number_of),
                    date,
                    value: value.clone(),
                    description: title.clone(),
                    ..Row::default()
                });
            }
        }
        for party in &parties {
            let supplier = party
                .get("roles")
                .and_then(Json::as_array)
                .is_some_and(|r| r.iter().any(|r| r.as_str() == Some("supplier")));
            if !supplier {
                continue;
            }
            let Some(name) = text_of(party.get("name")) else {
                input.skip(line, "a party with the supplier role has no name");
                continue;
            };
            if named.contains(&name) {
                continue;
            }
            input.rows.push(Row {
                line,
                name,
                number: number_of(party),
                description: text_of(release.get("tender").and_then(|t| t.get("title"))),
                ..Row::default()
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_registers_write_them() {
        let d = jiff::civil::date(2024, 3, 12);
        for text in [
            "2024-03-12",
            "2024-03-12T10:00:00Z",
            "12/03/2024",
            "12/03/24",
            "12-03-2024",
            "12.03.2024",
            "12 March 2024",
            "12 Mar 2024",
            "12-Mar-2024",
            "12/03/2024 00:00:00",
        ] {
            assert_eq!(parse_date(text), Some(d), "{text}");
        }
        assert_eq!(parse_date("soon"), None);
        assert_eq!(excel_date(45363.0), Some(d));
    }

    #[test]
    fn windows_1252_is_decoded_when_the_bytes_are_not_utf8() {
        let (text, how) = decode(b"Caf\xe9 Ltd,\x80500");
        assert_eq!(text, "Café Ltd,€500");
        assert_eq!(how, "Windows-1252");
        let (text, how) = decode("\u{feff}Café".as_bytes());
        assert_eq!((text.as_ref(), how), ("Café", "UTF-8 with byte-order mark"));
    }

    #[test]
    fn columns_are_named_with_or_without_a_role() {
        let n = Named::parse("suppliers.name=Payee Name").unwrap();
        assert_eq!(
            (n.role, n.field, n.header.as_str()),
            (Some(Role::Suppliers), Field::Name, "Payee Name")
        );
        assert!(Named::parse("colour=Red").is_err());
        assert!(Named::parse("name").is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_are_read_or_refused_without_panicking(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let dir = tempfile::tempdir().unwrap();
            for (name, role) in [("x.csv", Role::Gifts), ("x.json", Role::Suppliers), ("x.xlsx", Role::Suppliers)] {
                let path = dir.path().join(name);
                std::fs::write(&path, &bytes).unwrap();
                let _ = input(&path, role, &[]);
            }
        }
    }
}
