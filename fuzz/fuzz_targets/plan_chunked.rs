//! The same pipeline as `plan_bytes`, once over a plain slice reader and once over a reader
//! that hands the bytes over in 1..4096-byte pieces with `Interrupted` errors in between.
//! Besides not panicking, both runs must agree (`cloudops_fuzz::agree`): same error text,
//! positions included, or the same JSON report. This is what reaches the buffer-edge code in `plan::input`
//! (UTF-8 characters, UTF-16 surrogate pairs and string escapes split across reads).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let whole = cloudops_fuzz::run_bytes(data);
    let trickled = cloudops_fuzz::run_trickle(data);
    assert!(
        cloudops_fuzz::agree(&whole, &trickled),
        "the result depends on how the input was split into reads:\n whole: {whole:?}\n  trickled: {trickled:?}"
    );
});
