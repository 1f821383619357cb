//! Arbitrary bytes through sniff → analyze_documents → policy → every renderer.
//! Nothing may panic, and the report invariants in `cloudops_fuzz::run` must hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    cloudops_fuzz::run_bytes(data);
});
