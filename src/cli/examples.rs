//! The `Examples:` section at the foot of each command's help (and its manual page).

pub const PROBITY: &str = "\
Examples:
  probity                                    the home screen: your assessments
  probity new --force \"Dorset Police\" --period 2013
  probity walk dorset-police-2013.toml       the questions one at a time, as plain text
  probity report dorset-police-2013.toml --format html --out dorset.html
  probity completions bash > ~/.local/share/bash-completion/completions/probity";

pub const CHECK: &str = "\
Examples:
  probity check dorset-police-2012.toml      an assessment, against its checklist
  probity check our-checklist.toml           a checklist of your own";

pub const NEW: &str = "\
Examples:
  probity new --force \"Dorset Police\" --period 2013
  probity new --from dorset-police-2012.toml --period 2013 --no-tui
  probity new --force Durham --period 2013 --checklist our-checklist.toml --out durham.toml";

pub const OPEN: &str = "\
Examples:
  probity open dorset-police-2012.toml       a file in the data folder, by name
  probity open ~/returns/durham-2012.toml
  probity open dorset-police-2012.toml --plain
                                             line by line, for a screen reader";

pub const WALK: &str = "\
Examples:
  probity walk dorset-police-2012.toml       from the first unanswered question
  probity walk dorset-police-2012.toml --area gifts
  printf 'Dorset Police\\nHead of Professional Standards\\n31/05/2012\\n' \\
    | probity walk dorset-police-2012.toml   answers from a pipe, in order";

pub const ANSWER: &str = "\
Examples:
  probity answer dorset-police-2012.toml gifts.register.exists yes
  probity answer dorset-police-2012.toml business.applications 49
  probity answer dorset-police-2012.toml \"awards checked against the gifts register\" no \\
    --note \"Not yet cross-checked\" --owner \"Head of Procurement\" --due 31/03/2013
  probity answer dorset-police-2012.toml gifts.policy --evidence \"Gifts policy 2012\"
  probity answer dorset-police-2012.toml gifts.policy --assurance verified --verified-by \"Internal Audit\"
  probity answer dorset-police-2012.toml gifts.register.exists --clear";

pub const JUDGE: &str = "\
Examples:
  probity judge northmoor-2026.toml vetting \"requires improvement\" \\
    --rationale \"The recovery plan was funded after the figures were taken\"
  probity judge northmoor-2026.toml \"abuse of position\" good --rationale \"Audit of the 2025 cases\"
  probity judge northmoor-2026.toml vetting --clear
                                             the derived judgement stands again";

pub const CONFIRM: &str = "\
Examples:
  probity confirm dorset-police-2013.toml gifts.policy gifts.register.exists
  probity confirm dorset-police-2013.toml --area gifts
  probity confirm dorset-police-2013.toml --all";

pub const SHOW: &str = "\
Examples:
  probity show dorset-police-2012.toml       every question, answer and finding
  probity show dorset-police-2012.toml --area procurement
  probity show dorset-police-2012.toml procurement.gifts_crossref";

pub const REPORT: &str = "\
Examples:
  probity report dorset-police-2012.toml     Markdown, to the terminal
  probity report dorset-police-2012.toml --format html --out dorset.html
  probity report dorset-police-2012.toml --format xlsx --out actions.xlsx --redact";

pub const CROSSCHECK: &str = "\
Examples:
  probity crosscheck --gifts gifts-2024.csv --interests interests.xlsx --suppliers awards.json
  probity crosscheck --gifts gifts.csv --suppliers spend-over-500.csv --format xlsx --out review.xlsx
  probity crosscheck --gifts gifts.csv --suppliers spend.csv --columns suppliers.name=\"Payee Name\"
  probity crosscheck --gifts gifts.csv --suppliers awards.json --record northmoor-2026.toml";

pub const CHECKLISTS: &str = "\
Examples:
  probity checklists
  probity checklists --data-dir /shared/integrity";

pub const COMPARE: &str = "\
Examples:
  probity compare dorset-police-2012.toml dorset-police-2013.toml
  probity compare dorset-police-2012.toml dorset-police-2013.toml --format html --out progress.html";

pub const TREND: &str = "\
Examples:
  probity trend ~/assessments --force \"Dorset Police\"
  probity trend dorset-2011.toml dorset-2012.toml dorset-2013.toml --format html --out trend.html";

pub const SUMMARY: &str = "\
Examples:
  probity summary regional-returns/
  probity summary regional-returns/ --period 2012 --format csv --out summary.csv";

pub const SIGN: &str = "\
Examples:
  probity sign dorset-police-2013.toml --by \"A. Chief\" --role \"Deputy Chief Constable\"
  probity --as \"Staff Officer\" sign dorset-police-2013.toml --by \"A. Chief\" --role DCC";

pub const REOPEN: &str = "\
Examples:
  probity reopen dorset-police-2013.toml --reason \"The inspector asked for the 2012 audit\"";

pub const VERIFY: &str = "\
Examples:
  probity verify dorset-police-2013.toml                 the history, every answer and the seal
  probity verify dorset-police-2013.toml --seal 3f2a-91c0-7be4-0d15   a seal from a paper copy";

pub const HISTORY: &str = "\
Examples:
  probity history dorset-police-2013.toml
  probity history dorset-police-2013.toml --item gifts.register.exists";

pub const RETURN: &str = "\
Examples:
  probity return dorset-police-2013.toml --area procurement --to \"Head of Procurement\" \\
    --due 31/01/2013 --out procurement.xlsx
  probity return dorset-police-2013.toml --area business --item training.coverage --to \"Head of HR\" \\
    --out hr.xlsx";

pub const IMPORT: &str = "\
Examples:
  probity import dorset-police-2013.toml procurement.xlsx --dry-run   what it would change
  probity import dorset-police-2013.toml procurement.xlsx hr.xlsx press.xlsx";

pub const CONFLICTS: &str = "\
Examples:
  probity conflicts dorset-police-2013.toml          answers from returns that differ from those held
  probity conflicts dorset-police-2013.toml --take procurement.gifts_crossref --keep gifts.policy";

pub const FINALISE: &str = "\
Examples:
  probity finalise dorset-police-2013.toml     replaced: use probity sign FILE --by NAME --role ROLE";

pub const SCHEMA: &str = "\
Examples:
  probity schema --out schemas --overwrite";

pub const COMPLETIONS: &str = "\
Examples:
  probity completions bash > ~/.local/share/bash-completion/completions/probity
  probity completions zsh > ~/.zfunc/_probity
  probity completions fish > ~/.config/fish/completions/probity.fish
  probity completions powershell >> $PROFILE";

pub const MAN: &str = "\
Examples:
  probity man --out ~/.local/share/man/man1
  man probity-walk";
