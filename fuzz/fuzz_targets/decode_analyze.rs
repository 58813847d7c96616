//! Raw bytes as the binary reads them: `wirecopy::decode` (BOMs, UTF-16, Windows-1252,
//! binary and blank inputs), then `wirecopy::analyze` on the text (see
//! `wirecopy_fuzz::check_decode_analyze`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    wirecopy_fuzz::check_decode_analyze(data);
});
