//! Walking the graph of items whose ask-conditions name other items. Checklists are input, so
//! a chain may be as long as a file allows: the walk keeps its own stack instead of recursing,
//! and touches each item and each dependency once.

use std::collections::HashMap;

/// Items by id, each with the ids its condition depends on.
pub type Dependencies<'a> = HashMap<&'a str, Vec<&'a str>>;

enum Mark {
    /// On the current path, at this depth.
    Open(usize),
    Done,
}

/// Calls `visit` for every node reachable from `roots` after every node it depends on, each
/// node once, in the order of `roots`. A dependency that leads back to a node still being walked
/// closes a cycle: `cycle` gets the path from that node round to it again, and the edge is
/// skipped, so the walk always ends.
pub fn walk<'a>(
    deps: &Dependencies<'a>,
    roots: impl IntoIterator<Item = &'a str>,
    mut visit: impl FnMut(&'a str),
    mut cycle: impl FnMut(Vec<&'a str>),
) {
    let mut marks: HashMap<&'a str, Mark> = HashMap::new();
    // Each node on the path with the index of the next dependency to follow.
    let mut path: Vec<(&'a str, usize)> = Vec::new();
    for root in roots {
        if marks.contains_key(root) {
            continue;
        }
        marks.insert(root, Mark::Open(0));
        path.push((root, 0));
        while let Some(&(node, next)) = path.last() {
            let Some(&dep) = deps.get(node).and_then(|d| d.get(next)) else {
                path.pop();
                marks.insert(node, Mark::Done);
                visit(node);
                continue;
            };
            if let Some(top) = path.last_mut() {
                top.1 += 1;
            }
            match marks.get(dep) {
                Some(Mark::Done) => {}
                Some(Mark::Open(at)) => {
                    let mut closed: Vec<&str> = path[*at..].iter().map(|(n, _)| *n).collect();
                    closed.push(dep);
                    cycle(closed);
                }
                None => {
                    marks.insert(dep, Mark::Open(path.len()));
                    path.push((dep, 0));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run<'a>(deps: &Dependencies<'a>, roots: &[&'a str]) -> (Vec<&'a str>, Vec<Vec<&'a str>>) {
        let (mut order, mut cycles) = (Vec::new(), Vec::new());
        walk(
            deps,
            roots.iter().copied(),
            |n| order.push(n),
            |c| cycles.push(c),
        );
        (order, cycles)
    }

    #[test]
    fn dependencies_come_first_and_each_node_once() {
        let deps = Dependencies::from([("a", vec!["b", "c"]), ("b", vec!["c"])]);
        assert_eq!(run(&deps, &["a", "b", "c"]), (vec!["c", "b", "a"], vec![]));
    }

    #[test]
    fn a_cycle_is_reported_from_where_it_closes() {
        let deps = Dependencies::from([("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["b"])]);
        let (order, cycles) = run(&deps, &["a"]);
        assert_eq!(cycles, [vec!["b", "c", "b"]]);
        assert_eq!(order, ["c", "b", "a"]);
    }

    #[test]
    fn a_chain_of_a_million_does_not_overflow_the_stack() {
        let ids: Vec<String> = (0..1_000_000).map(|i| i.to_string()).collect();
        let deps: Dependencies = ids
            .windows(2)
            .map(|w| (w[0].as_str(), vec![w[1].as_str()]))
            .collect();
        let mut n = 0;
        walk(
            &deps,
            ids.iter().map(String::as_str),
            |_| n += 1,
            |_| panic!("no cycle"),
        );
        assert_eq!(n, ids.len());
    }
}
