//! `wirecopy::analyze` on arbitrary text: no panic, a record that serializes, offsets
//! inside the input, the same record twice (see `wirecopy_fuzz::check_analyze`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // bytes that are not UTF-8 still make text: invalid sequences become U+FFFD
    let text = String::from_utf8_lossy(data);
    wirecopy_fuzz::check_analyze(&text);
});
