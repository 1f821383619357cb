//! Fuzz bytes spliced into a valid plan skeleton (layout in `src/structured.rs`), so most
//! runs reach the diff, masking, rules, redaction and policy code instead of stopping at a
//! JSON syntax error. Also checks the redaction guarantee: the value of a sensitive variable
//! never appears in any rendering.
//!
//! Set CLOUDOPS_FUZZ_PRINT=1 when replaying an input to print the plan it stands for.
#![no_main]

use libfuzzer_sys::fuzz_target;

use cloudops_fuzz::structured::{build, CANARY};

fuzz_target!(|data: &[u8]| {
    let built = build(data);
    if std::env::var_os("CLOUDOPS_FUZZ_PRINT").is_some() {
        eprintln!(
            "--- plan document ---\n{}\n--- knobs ---\n{:#?}",
            built.document, built.knobs
        );
    }
    let reader: Box<dyn std::io::Read> = if built.trickle {
        Box::new(cloudops_fuzz::Trickle::new(&built.bytes))
    } else {
        Box::new(&built.bytes[..])
    };
    let (outcome, outputs) = cloudops_fuzz::run(reader, &built.knobs);
    if std::env::var_os("CLOUDOPS_FUZZ_PRINT").is_some() {
        match &outcome {
            cloudops_fuzz::Outcome::Analysed(json) => eprintln!("--- analysed ---\n{json}"),
            other => eprintln!("--- outcome ---\n{other:?}"),
        }
    }
    for (i, out) in outputs.iter().enumerate() {
        let text = String::from_utf8_lossy(out);
        assert!(
            !text.contains(CANARY),
            "rendering #{i} leaks the sensitive variable's value:\n{text}"
        );
    }
});
