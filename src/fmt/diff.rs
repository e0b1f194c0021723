//! The diff `oner fmt --check` prints: unified-diff shaped, one hunk from the first line
//! that differs to the last, with three lines of context. Not a minimal diff (that costs
//! time quadratic in the file), but exact about which lines change and easy to read.

/// A unified diff of `before` and `after` under the name `name`, or `None` if they are equal.
pub fn unified(name: &str, before: &str, after: &str) -> Option<String> {
    if before == after {
        return None;
    }
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let context = 3;
    let start = prefix.saturating_sub(context);
    let old_end = (old.len() - suffix + context).min(old.len());
    let new_end = (new.len() - suffix + context).min(new.len());
    let mut out = format!(
        "--- {name}\n+++ {name} (formatted)\n@@ -{},{} +{},{} @@\n",
        start + 1,
        old_end - start,
        start + 1,
        new_end - start
    );
    for line in &old[start..prefix] {
        out.push_str(&format!(" {line}\n"));
    }
    for line in &old[prefix..old.len() - suffix] {
        out.push_str(&format!("-{line}\n"));
    }
    for line in &new[prefix..new.len() - suffix] {
        out.push_str(&format!("+{line}\n"));
    }
    for line in &old[old.len() - suffix..old_end] {
        out.push_str(&format!(" {line}\n"));
    }
    if before.ends_with('\n') != after.ends_with('\n') {
        out.push_str("\\ the files differ in their final newline\n");
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::unified;

    #[test]
    fn one_hunk_with_context() {
        let before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let after = "a\nb\nc\nd\nE\nf\ng\nh\n";
        let diff = unified("s.ron", before, after).unwrap_or_default();
        assert_eq!(
            diff,
            "--- s.ron\n+++ s.ron (formatted)\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n"
        );
        assert_eq!(unified("s.ron", before, before), None);
    }
}
