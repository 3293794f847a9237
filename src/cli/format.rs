//! `--format` for each command, offering exactly the formats its document can be written in.

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use probity_core::document::{Document, Format};

/// A parser for `--format` that lists the formats `D` supports, with their descriptions.
pub fn of<D: Document>() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(
        D::FORMATS
            .iter()
            .map(|f| PossibleValue::new(f.name()).help(f.describe())),
    )
    .map(|name| name.parse::<Format>().unwrap_or(D::FORMATS[0]))
}
