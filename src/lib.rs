//! The `probity` binary's two front ends over [`probity_core`]: the command line ([`cli`]) and
//! the terminal interface ([`tui`]). Neither imports the other; `main.rs` chooses between them.

pub mod cli;
pub mod tui;
