//! A checklist whose item i is asked only when item i+1 is unanswered: the deepest ask-if chain
//! a file can hold. Shared by the test that it loads and scores, and by its benchmark.

/// The checklist text with `n` items in one chain.
pub fn chain_checklist(n: usize) -> String {
    let mut text = String::from(
        "id = \"chain\"\ntitle = \"Chain\"\nversion = \"1\"\nprovenance = \"generated\"\n\n[[areas]]\nid = \"a\"\ntitle = \"A\"\nquestion = \"Q\"\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "[[areas.items]]\nid=\"i{i}\"\nprompt=\"p\"\nkind=\"status\"\n"
        ));
        if i + 1 < n {
            text.push_str(&format!("ask_if={{item=\"i{}\",answered=false}}\n", i + 1));
        }
    }
    text
}
