//! Fuzz target: the bodoc front end (`front_end`) and diagnostic rendering must never panic on any input.
#![no_main]

use bodoc::driver::pipeline::front_end;
use codespan_reporting::term::termcolor::NoColor;
use libfuzzer_sys::fuzz_target;

fn run(text: &str) {
    let fe = front_end(text, "fuzz.py");
    // Render the diagnostics too: a span out of range or off a char boundary must not panic.
    let mut out = NoColor::new(Vec::new());
    fe.files.emit(&mut out, &fe.diags);
}

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(text) => run(text),
        Err(_) => run(&String::from_utf8_lossy(data)),
    }
});
