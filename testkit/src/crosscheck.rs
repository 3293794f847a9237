//! A labelled set for the cross-check: suppliers, and registers whose names are realistic
//! variants of suppliers' names (suffix changes, case, punctuation, "&"/"and", a leading "The",
//! hyphens, one-letter typos and transpositions) or decoys that share words with suppliers
//! (a surname, a place, the common words) without being them. Deterministic for a seed, so a
//! threshold chosen on one seed is measured on another.

/// A small deterministic generator (SplitMix64): the same seed, the same set.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn draw(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.draw() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.draw() % 100 < percent
    }
}

const SURNAMES: &[&str] = &[
    "Hargreaves",
    "Whitfield",
    "Ashworth",
    "Pemberton",
    "Blackwood",
    "Thornton",
    "Fairbairn",
    "Kettleby",
    "Marchbank",
    "Oakridge",
    "Penhaligon",
    "Rushworth",
    "Stanhope",
    "Tregarthen",
    "Underwood",
    "Varley",
    "Wainwright",
    "Yardley",
    "Ainsworth",
    "Bramhall",
    "Cartwright",
    "Dewhurst",
    "Ellingham",
    "Featherstone",
    "Gillingham",
    "Holloway",
    "Illingworth",
    "Jessop",
    "Kingsley",
    "Lockwood",
    "Middleton",
    "Northcott",
    "Ormerod",
    "Prendergast",
    "Quarmby",
    "Ravenscroft",
    "Sutcliffe",
    "Tolliver",
    "Umpleby",
    "Villiers",
    "Wetherall",
    "Yeoman",
    "Aldridge",
    "Barraclough",
    "Cholmondeley",
    "Dunstable",
    "Eversley",
    "Fothergill",
    "Greenhalgh",
    "Hebblethwaite",
    "Ingleby",
    "Jarrold",
    "Kershaw",
    "Langstaff",
    "Mottram",
    "Nettleship",
    "Oldroyd",
    "Pickersgill",
    "Rawcliffe",
    "Satterthwaite",
    "Thackeray",
    "Uttley",
    "Verity",
    "Waddington",
    "Ackroyd",
    "Birtwistle",
    "Crowther",
    "Duckworth",
    "Entwistle",
    "Fielding",
    "Garside",
    "Haworth",
    "Ibbotson",
    "Jagger",
    "Kilburn",
    "Lumb",
    "Metcalfe",
    "Naylor",
    "Outhwaite",
    "Priestley",
    "Ramsden",
    "Shackleton",
    "Tattersall",
    "Walmsley",
    "Brierley",
    "Clegg",
    "Dobson",
    "Earnshaw",
    "Fenwick",
    "Gaskell",
    "Hirst",
    "Ingham",
    "Jowett",
    "Kenyon",
    "Lister",
    "Mellor",
    "Nuttall",
    "Oddie",
    "Pollard",
    "Rhodes",
    "Scholes",
    "Turton",
    "Whiteley",
];

const PLACES: &[&str] = &[
    "Wessex",
    "Mercia",
    "Northmoor",
    "Eastleigh",
    "Westbury",
    "Southfield",
    "Kingsmead",
    "Riverside",
    "Highcliffe",
    "Lowther",
    "Brackenfield",
    "Cheviot",
    "Pennine",
    "Cotswold",
    "Mendip",
    "Quantock",
    "Chiltern",
    "Solent",
    "Humber",
    "Severn",
    "Tamar",
    "Wensley",
    "Calder",
    "Derwent",
    "Eden",
    "Fylde",
    "Glendale",
    "Hallam",
    "Irwell",
    "Kennet",
];

const SECTORS: &[&str] = &[
    "Security",
    "Fleet",
    "Facilities",
    "Catering",
    "Uniforms",
    "Forensics",
    "Software",
    "Cleaning",
    "Vehicles",
    "Radio",
    "Training",
    "Recruitment",
    "Legal",
    "Print",
    "Furniture",
    "Custody",
    "Medical",
    "Interpreting",
    "Towing",
    "Locksmiths",
    "Glazing",
    "Roofing",
    "Electrical",
    "Plumbing",
    "Scaffolding",
    "Couriers",
    "Translation",
    "Telecoms",
    "Kennels",
    "Armoury",
];

const GENERIC: &[&str] = &[
    "Services",
    "Solutions",
    "Group",
    "Systems",
    "Consulting",
    "Management",
    "Associates",
    "Partners",
    "Holdings",
    "International",
    "Technologies",
    "Supplies",
];

const OTHER_TRADES: &[&str] = &[
    "Bakery",
    "Florist",
    "Butchers",
    "Hairdressing",
    "Garden Centre",
    "Tearooms",
    "Brewery",
    "Dental",
    "Veterinary",
    "Bookshop",
    "Farm Shop",
    "Pottery",
    "Golf Club",
    "Hotel",
    "Inn",
    "Wine Bar",
    "Opticians",
    "Pharmacy",
    "Chess Club",
    "Riding School",
];

const SYLLABLES: &[&str] = &[
    "zen", "tri", "cal", "dor", "vex", "lum", "qua", "nor", "bel", "sar", "tek", "mon", "rix",
    "pha", "gen", "ova", "tal", "kor", "vin", "sol", "dra", "fel", "ix", "mar", "ost", "pel",
];

const SUFFIXES: &[&str] = &[
    "Ltd",
    "Limited",
    "PLC",
    "LLP",
    "Ltd.",
    "(UK) Ltd",
    "UK Limited",
];

/// A made-up brand word: "Zentrix", "Caldora".
fn brand(rng: &mut Rng) -> String {
    let n = 2 + rng.below(2);
    let mut w: String = (0..n).map(|_| rng.pick(SYLLABLES)).collect();
    if let Some(first) = w.get(..1) {
        w = first.to_uppercase() + &w[1..];
    }
    w
}

/// The words of a name that identify it, lower case, without suffix or "the": what decides
/// whether two generated names are the same company.
pub fn core_of(name: &str) -> String {
    let lower = name.to_lowercase().replace('&', " and ");
    let words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    while words
        .last()
        .is_some_and(|w| matches!(*w, "ltd" | "limited" | "plc" | "llp" | "uk"))
    {
        words.pop();
    }
    words.retain(|w| *w != "and");
    // The same words in another order are the same firm ("Turton & Ainsworth").
    words.sort_unstable();
    words.concat()
}

/// A supplier's name.
fn supplier_name(rng: &mut Rng) -> String {
    let suffix = rng.pick(SUFFIXES);
    match rng.below(6) {
        0 => format!("{} {} {suffix}", rng.pick(SURNAMES), rng.pick(SECTORS)),
        1 => format!(
            "{} {} {} {suffix}",
            rng.pick(SURNAMES),
            rng.pick(SECTORS),
            rng.pick(GENERIC)
        ),
        2 => format!("{} {suffix}", brand(rng)),
        3 => format!("{} {} {suffix}", brand(rng), rng.pick(GENERIC)),
        4 => {
            let a = rng.pick(SURNAMES);
            let mut b = rng.pick(SURNAMES);
            while b == a {
                b = rng.pick(SURNAMES);
            }
            format!("{a} & {b} {suffix}")
        }
        _ => format!(
            "{} {} {} {suffix}",
            rng.pick(PLACES),
            rng.pick(SECTORS),
            rng.pick(GENERIC)
        ),
    }
}

/// A variant of a supplier's name as someone might write it in a register: one or two of the
/// usual changes.
pub fn variant(rng: &mut Rng, name: &str) -> String {
    let mut v = name.to_string();
    for _ in 0..1 + rng.below(2) {
        v = match rng.below(9) {
            0 => change_suffix(rng, &v),
            1 => v.to_uppercase(),
            2 => v.to_lowercase(),
            3 => v.replace(" & ", " and ").replace(" and ", " & "),
            4 => match v.strip_prefix("The ") {
                Some(rest) => rest.to_string(),
                None => format!("The {v}"),
            },
            5 => v.replacen(' ', "-", 1),
            6 => v.replace(' ', ", ").replacen(", ", " ", 1),
            7 => typo(rng, &v, false),
            _ => typo(rng, &v, true),
        };
    }
    v
}

fn change_suffix(rng: &mut Rng, name: &str) -> String {
    let mut base = name.to_string();
    for s in SUFFIXES.iter().rev() {
        if let Some(b) = base.strip_suffix(&format!(" {s}")) {
            base = b.to_string();
            break;
        }
    }
    match rng.below(3) {
        0 => base,
        _ => format!("{base} {}", rng.pick(SUFFIXES)),
    }
}

/// One letter changed, dropped or doubled, or two neighbours swapped, in a word of five letters
/// or more.
fn typo(rng: &mut Rng, name: &str, transpose: bool) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let long: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().filter(|c| c.is_alphabetic()).count() >= 5)
        .collect();
    if long.is_empty() {
        return name.to_string();
    }
    let at = long[rng.below(long.len())];
    let mut chars: Vec<char> = words[at].chars().collect();
    let i = 1 + rng.below(chars.len() - 2);
    if transpose {
        chars.swap(i, i + 1);
    } else {
        match rng.below(3) {
            0 => chars[i] = (b'a' + rng.below(26) as u8) as char,
            1 => {
                chars.remove(i);
            }
            _ => chars.insert(i, chars[i]),
        }
    }
    let word: String = chars.into_iter().collect();
    let mut out: Vec<String> = words.iter().map(|w| (*w).to_string()).collect();
    out[at] = word;
    out.join(" ")
}

/// A decoy: shares a word with a supplier (its surname, place or common words) but is another
/// business.
fn decoy(rng: &mut Rng, supplier: &str) -> String {
    let words: Vec<&str> = supplier.split(' ').collect();
    let first = words.first().copied().unwrap_or("Acme");
    match rng.below(4) {
        0 => format!("{first} {}", rng.pick(OTHER_TRADES)),
        1 => format!("{} {} Ltd", brand(rng), rng.pick(GENERIC)),
        2 => format!(
            "{} {}",
            rng.pick(SURNAMES),
            words.get(1).copied().unwrap_or("Services")
        ),
        _ => format!("{} {}", rng.pick(PLACES), rng.pick(OTHER_TRADES)),
    }
}

/// The words of a name that are not suffixes, "the" or "and", lower case.
fn words_of(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| {
            !w.is_empty() && !matches!(*w, "ltd" | "limited" | "plc" | "llp" | "uk" | "the" | "and")
        })
        .map(str::to_string)
        .collect()
}

/// A name whose words are all in one supplier's name, or hold all of them: it might be that
/// supplier written short or long, so it is no decoy and no second supplier.
fn doubtful(
    name: &str,
    names: &[(String, String)],
    by_word: &std::collections::HashMap<String, Vec<usize>>,
) -> bool {
    let ours = words_of(name);
    ours.iter()
        .flat_map(|w| by_word.get(w).into_iter().flatten())
        .any(|&i| {
            let theirs = words_of(&names[i].0);
            ours.iter().all(|w| theirs.contains(w)) || theirs.iter().all(|w| ours.contains(w))
        })
}

/// A generated set: suppliers, and register names each labelled with the supplier it really
/// is, if any.
pub struct Labelled {
    /// Suppliers' names, each unique by [`core_of`], with a Companies House number each.
    pub suppliers: Vec<(String, String)>,
    /// Register names, each with the index of the supplier it is.
    pub declared: Vec<(String, Option<usize>)>,
}

/// `suppliers` suppliers and `declared` register names, about a third variants of suppliers'
/// names, a third decoys and a third unrelated.
pub fn labelled(seed: u64, suppliers: usize, declared: usize) -> Labelled {
    let mut rng = Rng::new(seed);
    let mut names: Vec<(String, String)> = Vec::with_capacity(suppliers);
    let mut cores = std::collections::HashSet::new();
    let mut by_word: std::collections::HashMap<String, Vec<usize>> = Default::default();
    while names.len() < suppliers {
        let name = supplier_name(&mut rng);
        // Two suppliers whose names differ only by words added ("Cartwright Software" and
        // "Cartwright Software Systems") are left out: a register's label would be in doubt.
        if !cores.contains(&core_of(&name)) && !doubtful(&name, &names, &by_word) {
            cores.insert(core_of(&name));
            for w in words_of(&name) {
                by_word.entry(w).or_default().push(names.len());
            }
            let number = format!("{:08}", 1_000_000 + rng.below(9_000_000));
            names.push((name, number));
        }
    }
    let mut rows = Vec::with_capacity(declared);
    while rows.len() < declared {
        let s = rng.below(names.len());
        match rng.below(3) {
            0 => rows.push((variant(&mut rng, &names[s].0), Some(s))),
            1 => {
                let d = decoy(&mut rng, &names[s].0);
                if !cores.contains(&core_of(&d)) && !doubtful(&d, &names, &by_word) {
                    rows.push((d, None));
                }
            }
            _ => {
                let d = format!("{} {}", rng.pick(SURNAMES), rng.pick(OTHER_TRADES));
                if !cores.contains(&core_of(&d)) && !doubtful(&d, &names, &by_word) {
                    rows.push((d, None));
                }
            }
        }
    }
    Labelled {
        suppliers: names,
        declared: rows,
    }
}

/// A CSV field, quoted.
pub fn csv_field(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}
