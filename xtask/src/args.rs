//! A minimal option parser shared by the commands: `--name VALUE`,
//! `--name=VALUE` and positional arguments.

use crate::Result;

/// Parsed command-line arguments of one command.
pub struct Args {
    values: Vec<(String, String)>,
    pub positional: Vec<String>,
}

impl Args {
    /// Parses `args`, accepting only the options listed in `valued`, each of
    /// which takes a value.
    pub fn parse(args: &[String], valued: &[&str]) -> Result<Args> {
        let mut values = Vec::new();
        let mut positional = Vec::new();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            if !arg.starts_with('-') || arg == "-" {
                positional.push(arg.clone());
                continue;
            }
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (arg.as_str(), None),
            };
            if !valued.contains(&name) {
                return Err(format!("unknown option {name} (expected one of: {})", valued.join(", ")).into());
            }
            let value = match inline {
                Some(v) => v,
                None => it.next().ok_or_else(|| format!("option {name} needs a value"))?.clone(),
            };
            values.push((name.to_string(), value));
        }
        Ok(Args { values, positional })
    }

    /// Like [`Args::parse`] for commands that take no positional arguments.
    pub fn parse_options(args: &[String], valued: &[&str]) -> Result<Args> {
        let parsed = Args::parse(args, valued)?;
        if let Some(extra) = parsed.positional.first() {
            return Err(format!("unexpected argument {extra}").into());
        }
        Ok(parsed)
    }

    /// The value of option `name` (the last one when repeated).
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().rev().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Args;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn values_and_positionals() {
        let a = Args::parse(&strings(&["x.py", "--filter", "tier0", "--ranks=1,2"]), &["--filter", "--ranks"]).unwrap();
        assert_eq!(a.positional, vec!["x.py"]);
        assert_eq!(a.value("--filter"), Some("tier0"));
        assert_eq!(a.value("--ranks"), Some("1,2"));
        assert_eq!(a.value("-n"), None);
    }

    #[test]
    fn rejects_unknown_and_missing_values() {
        assert!(Args::parse(&strings(&["--bogus"]), &["--filter"]).is_err());
        assert!(Args::parse(&strings(&["--filter"]), &["--filter"]).is_err());
        assert!(Args::parse_options(&strings(&["extra"]), &[]).is_err());
    }
}
