//! Eight bytes at a time: tests on the bytes of a little-endian `u64` word that answer
//! with bit 7 of each byte set where the byte passes and every other bit clear. No sum
//! carries from one byte into the next, so each mark is exact, not only the lowest: the
//! first byte that passes is `mask.trailing_zeros() / 8`, the last `7 - leading_zeros / 8`.
//!
//! [`Bytes64`] asks the same questions of a 64-byte block and answers with one bit a byte
//! ([`Marks64::bits`]). On x86_64 it uses SSE2, part of every x86_64 CPU (no detection at
//! run time): four 16-byte compares and `pmovmskb` give the bits directly, where the words
//! need eight tests and a transposition ([`gather64`]) to gather their marks. This is the
//! library's only `core::arch` code and its only `unsafe`: the loads, and one-line wrappers
//! of the intrinsics, which Rust marks unsafe to call outside a `#[target_feature]` function
//! even where the feature is always on. Elsewhere it runs the word tests above, which the
//! tests also use as the reference for the SSE2 path.

/// 0x01 in every byte.
pub const ONES: u64 = splat(0x01);
/// 0x80 in every byte: bit 7.
pub const HIGH: u64 = splat(0x80);
/// 0x7F in every byte: the bits below bit 7.
pub const LOW7: u64 = splat(0x7F);

/// `b` in every byte.
pub const fn splat(b: u8) -> u64 {
    u64::from_ne_bytes([b; 8])
}

/// The first eight bytes of `bytes` as a word, the first in the lowest byte.
pub fn load(bytes: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(w)
}

/// The eight bytes of `bytes` from `at` as a word, the first in the lowest byte, with zero
/// bytes (no letter, digit or mark) past the end.
pub fn load_padded(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(eight) => load(eight),
        None => {
            let rest = bytes.get(at..).unwrap_or_default();
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(w)
        }
    }
}

/// The bytes of `w` equal to `b`.
pub const fn eq(w: u64, b: u8) -> u64 {
    let x = w ^ splat(b); // 0 where the byte is `b`
    // bit 7 of a byte of `(x & LOW7) + LOW7` is set when its low seven bits are not all 0
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The bytes of `w`, all ASCII (below 0x80), that are in `lo..=hi` (`hi` below 0x80):
/// fewer steps than the tests above, which take any byte. (A byte from 0x80 gets no exact
/// answer and may spoil those of the bytes after it, never those before it.)
pub const fn ascii_range(w: u64, lo: u8, hi: u8) -> u64 {
    // an ASCII byte and these addends sum to no more than 0xFF: nothing carries (a byte
    // from 0x80 may carry, out of the word too: the sums wrap)
    let from_lo = w.wrapping_add(splat(0x80 - lo)); // bit 7: at least `lo`
    let past_hi = w.wrapping_add(splat(0x7F - hi)); // bit 7: past `hi`
    (from_lo ^ past_hi) & HIGH
}

/// The bytes of `w` from 0x80 or equal to one of `a`, `b`, `c` (each below 0x80), for
/// finding the first: exact up to the first byte from 0x80, which may spoil the answers of
/// the bytes after it; the first mark is always exact. Fewer steps than [`eq`] three times.
pub const fn high_or_any3(w: u64, a: u8, b: u8, c: u8) -> u64 {
    // an ASCII byte XOR an ASCII byte is below 0x80, and adding 0x7F sets its bit 7 when it
    // is not zero, carrying into no other byte; only a byte from 0x80 (itself marked) may
    // carry into the next (or out of the word: the sums wrap)
    let not_a = (w ^ splat(a)).wrapping_add(LOW7);
    let not_b = (w ^ splat(b)).wrapping_add(LOW7);
    let not_c = (w ^ splat(c)).wrapping_add(LOW7);
    (w | !(not_a & not_b & not_c)) & HIGH
}

/// The bytes of `w` that are ASCII letters.
pub const fn ascii_letters(w: u64) -> u64 {
    // setting bit 5 lower-cases a letter, and gives a lower-case letter only from a letter;
    // with bit 7 cleared, adding carries into no other byte
    let low = (w | splat(0x20)) & !HIGH;
    let from_a = low + splat(0x1F); // bit 7: at least b'a'
    let past_z = low + splat(0x05); // bit 7: past b'z'
    from_a & !past_z & !w & HIGH
}

/// The bytes of `w` that are upper-case ASCII letters.
pub const fn ascii_upper(w: u64) -> u64 {
    // bit 5, clear in a capital, moved up to bit 7 of the same byte
    ascii_letters(w) & !(w << 2)
}

/// The bytes of `w` that are ASCII digits.
pub const fn ascii_digits(w: u64) -> u64 {
    let low = w & !HIGH;
    let from_0 = low + splat(0x50); // bit 7: at least b'0'
    let past_9 = low + splat(0x46); // bit 7: past b'9'
    from_0 & !past_9 & !w & HIGH
}

/// The bytes of `w` that are ASCII white space ([`crate::words::is_ascii_space`]: ' ',
/// '\t', '\n', VT, FF, '\r').
pub const fn ascii_spaces(w: u64) -> u64 {
    let low = w & LOW7;
    let from_tab = low + splat(0x80 - 0x09); // bit 7: at least '\t'
    let past_cr = low + splat(0x80 - 0x0E); // bit 7: past '\r'
    eq(w, b' ') | (from_tab & !past_cr & !w & HIGH)
}

/// The marks of `mask` (bit 7 of each byte, as the tests above give them) as the eight low
/// bits, the first byte's lowest.
pub const fn bits(mask: u64) -> u64 {
    // the products of the marks with the multiplier's bits meet at no bit (nothing carries),
    // and byte `k`'s mark times bit `56 - 7 k` lands on bit `56 + k`
    ((mask >> 7) & ONES).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// `m` as an 8 by 8 matrix of bits, byte `r` its row `r`, transposed: bit `c` of byte `r`
/// goes to bit `r` of byte `c`.
pub const fn transpose8(m: u64) -> u64 {
    // swap the off-diagonal 1x1, then 2x2, then 4x4 blocks of each 2x2, 4x4, 8x8 block
    let t = (m ^ (m >> 7)) & 0x00AA_00AA_00AA_00AA;
    let m = m ^ t ^ (t << 7);
    let t = (m ^ (m >> 14)) & 0x0000_CCCC_0000_CCCC;
    let m = m ^ t ^ (t << 14);
    let t = (m ^ (m >> 28)) & 0x0000_0000_F0F0_F0F0;
    m ^ t ^ (t << 28)
}

/// The marks of the eight words of a 64-byte block (bit 7 of each byte, as the tests above
/// give them; `masks[k]` for bytes `8 k..8 k + 8`) as one mask, bit `8 k + i` for byte `i`
/// of word `k`. Cheaper than [`bits`] on each word, whose multiplies the compiler may
/// vectorise into slow emulated ones: a shift a word, and one [`transpose8`].
#[inline(always)]
pub fn gather64(masks: [u64; 8]) -> u64 {
    // mark `i` of word `k` goes to bit `8 i + k`; the transposition moves it to `8 k + i`
    let mut m = 0;
    for (k, mask) in masks.iter().enumerate() {
        m |= (mask & HIGH) >> (7 - k);
    }
    transpose8(m)
}

pub use block::{Bytes64, Marks64};

/// The 64 bytes of `bytes` from `at` (`at` below its length) for the block tests, and how
/// many bytes before `at` they hold: bit `i` of their marks, shifted right by that number,
/// is for byte `at + i`. Near the end, the block is the last 64 bytes, `at` in it, so that
/// no bytes are copied (only a text shorter than 64 bytes is, padded with zero bytes): the
/// bits past the end of `bytes` are those of zero bytes or clear (mask them, unless the
/// test marks no zero byte).
#[inline(always)]
pub fn load_at(bytes: &[u8], at: usize) -> (Bytes64, u32) {
    if let Some(block) = bytes.get(at..).and_then(|rest| rest.first_chunk::<64>()) {
        return (Bytes64::load(block), 0);
    }
    match bytes.last_chunk::<64>() {
        Some(last) => (Bytes64::load(last), (at + 64 - bytes.len()) as u32),
        None => {
            let rest = bytes.get(at..).unwrap_or_default();
            let mut padded = [0u8; 64];
            padded[..rest.len()].copy_from_slice(rest);
            (Bytes64::load(&padded), 0)
        }
    }
}

/// The bits of the first `n` bytes of a block: all of them from 64 on.
#[inline(always)]
pub const fn first_bits(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1 << n) - 1 }
}

/// [`Bytes64`] and [`Marks64`] with SSE2.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
use sse2 as block;

/// [`Bytes64`] and [`Marks64`] with the word tests.
#[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
use words as block;

/// A 64-byte block as four SSE2 registers; its marks are bit 7 of each byte of four more
/// (the bit that `pmovmskb` gathers; the other bits are any).
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use core::arch::x86_64 as arch;
    use core::arch::x86_64::__m128i;

    // The SSE2 intrinsics used here, made safe to call: the module is compiled only where
    // SSE2 is enabled (part of the x86_64 baseline), which is all they require. (Calls of
    // `#[target_feature]` functions are unsafe unless the caller itself enables the feature
    // with the attribute, which does not go with `#[inline(always)]`.)

    /// `b` in every byte.
    #[inline(always)]
    fn splat(b: u8) -> __m128i {
        // SAFETY: SSE2 is enabled (the module's `cfg`)
        unsafe { arch::_mm_set1_epi8(b as i8) }
    }

    /// The bytes of `a` plus those of `b`, wrapping.
    #[inline(always)]
    fn add(a: __m128i, b: __m128i) -> __m128i {
        // SAFETY: SSE2 is enabled (the module's `cfg`)
        unsafe { arch::_mm_add_epi8(a, b) }
    }

    #[inline(always)]
    fn and(a: __m128i, b: __m128i) -> __m128i {
        // SAFETY: SSE2 is enabled (the module's `cfg`)
        unsafe { arch::_mm_and_si128(a, b) }
    }

    #[inline(always)]
    fn or(a: __m128i, b: __m128i) -> __m128i {
        // SAFETY: SSE2 is enabled (the module's `cfg`)
        unsafe { arch::_mm_or_si128(a, b) }
    }

    #[inline(always)]
    fn xor(a: __m128i, b: __m128i) -> __m128i {
        // SAFETY: SSE2 is enabled (the module's `cfg`)
        unsafe { arch::_mm_xor_si128(a, b) }
    }

    /// All ones in the bytes where `a` equals `b`.
    #[inline(always)]
    fn cmpeq(a: __m128i, b: __m128i) -> __m128i {
        // SAFETY: SSE2 is enabled (the module's `cfg`)
        unsafe { arch::_mm_cmpeq_epi8(a, b) }
    }

    /// All ones in the bytes where `a` is below `b`, as signed bytes.
    #[inline(always)]
    fn cmplt(a: __m128i, b: __m128i) -> __m128i {
        // SAFETY: SSE2 is enabled (the module's `cfg`)
        unsafe { arch::_mm_cmplt_epi8(a, b) }
    }

    /// Bit 7 of each byte of `a`, the first byte's lowest.
    #[inline(always)]
    fn movemask(a: __m128i) -> u64 {
        // SAFETY: SSE2 is enabled (the module's `cfg`)
        u64::from(unsafe { arch::_mm_movemask_epi8(a) } as u16)
    }

    /// 64 bytes, to test each.
    #[derive(Clone, Copy)]
    pub struct Bytes64([__m128i; 4]);

    /// A mark or none for each of 64 bytes.
    #[derive(Clone, Copy)]
    pub struct Marks64([__m128i; 4]);

    impl Bytes64 {
        /// The bytes of `block`.
        #[inline(always)]
        pub fn load(block: &[u8; 64]) -> Bytes64 {
            let (lanes, _) = block.as_chunks::<16>();
            Bytes64(std::array::from_fn(|k| {
                // SAFETY: `lanes[k]` is 16 readable bytes, and `_mm_loadu_si128` reads 16
                // bytes from any address, aligned or not
                unsafe { arch::_mm_loadu_si128(lanes[k].as_ptr().cast()) }
            }))
        }

        /// `test` on each 16-byte lane.
        #[inline(always)]
        fn map(self, test: impl Fn(__m128i) -> __m128i) -> Marks64 {
            Marks64(self.0.map(test))
        }

        /// The bytes from 0x80.
        #[inline(always)]
        pub fn high(self) -> Marks64 {
            // bit 7 is the answer
            Marks64(self.0)
        }

        /// The bytes equal to `b`.
        #[inline(always)]
        pub fn eq(self, b: u8) -> Marks64 {
            self.map(|x| cmpeq(x, splat(b)))
        }

        /// The bytes in `lo..=hi` (`hi` below 0x80).
        #[inline(always)]
        pub fn ascii_range(self, lo: u8, hi: u8) -> Marks64 {
            self.map(|x| in_range(x, lo, hi))
        }

        /// The ASCII letters.
        #[inline(always)]
        pub fn ascii_letters(self) -> Marks64 {
            // setting bit 5 lower-cases a letter, and gives a lower-case letter only from a
            // letter
            self.map(|x| in_range(or(x, splat(0x20)), b'a', b'z'))
        }

        /// The upper-case ASCII letters.
        #[inline(always)]
        pub fn ascii_upper(self) -> Marks64 {
            self.ascii_range(b'A', b'Z')
        }

        /// The ASCII digits.
        #[inline(always)]
        pub fn ascii_digits(self) -> Marks64 {
            self.ascii_range(b'0', b'9')
        }

        /// The ASCII white space ([`crate::words::is_ascii_space`]).
        #[inline(always)]
        pub fn ascii_spaces(self) -> Marks64 {
            self.map(|x| or(cmpeq(x, splat(b' ')), in_range(x, b'\t', b'\r')))
        }
    }

    /// The bytes of `x` in `lo..=hi` (`hi` below 0x80), all ones where they are.
    #[inline(always)]
    fn in_range(x: __m128i, lo: u8, hi: u8) -> __m128i {
        debug_assert!(lo <= hi && hi < 0x80);
        // `x - lo`, moved down by 0x80 as a signed byte, is below `hi - lo + 1` moved the
        // same: one signed compare for the unsigned test (the sums wrap)
        let moved = add(x, splat(0x80u8.wrapping_sub(lo)));
        cmplt(moved, splat(0x80u8.wrapping_add(hi - lo + 1)))
    }

    impl Marks64 {
        /// All bytes marked when `yes`, none when not.
        #[inline(always)]
        pub fn all(yes: bool) -> Marks64 {
            // SAFETY: SSE2 is enabled (the module's `cfg`)
            let x = unsafe { arch::_mm_set1_epi32(-i32::from(yes)) };
            Marks64([x; 4])
        }

        /// Bit `i` set where byte `i` is marked.
        #[inline(always)]
        pub fn bits(self) -> u64 {
            let [a, b, c, d] = self.0.map(movemask);
            a | b << 16 | c << 32 | d << 48
        }

        /// Whether some byte is marked.
        #[inline(always)]
        pub fn any(self) -> bool {
            let [a, b, c, d] = self.0;
            movemask(or(or(a, b), or(c, d))) != 0
        }

        /// `op` on each lane of `self` and `other`.
        #[inline(always)]
        fn zip(self, other: Marks64, op: impl Fn(__m128i, __m128i) -> __m128i) -> Marks64 {
            Marks64(std::array::from_fn(|k| op(self.0[k], other.0[k])))
        }
    }

    impl std::ops::BitAnd for Marks64 {
        type Output = Marks64;
        #[inline(always)]
        fn bitand(self, other: Marks64) -> Marks64 {
            self.zip(other, and)
        }
    }

    impl std::ops::BitOr for Marks64 {
        type Output = Marks64;
        #[inline(always)]
        fn bitor(self, other: Marks64) -> Marks64 {
            self.zip(other, or)
        }
    }

    impl std::ops::Not for Marks64 {
        type Output = Marks64;
        #[inline(always)]
        fn not(self) -> Marks64 {
            Marks64(self.0.map(|x| xor(x, splat(0xFF))))
        }
    }
}

/// A 64-byte block as eight words, tested with the functions above; its marks are bit 7 of
/// each byte of eight more (the other bits are any).
#[cfg(any(test, not(all(target_arch = "x86_64", target_feature = "sse2"))))]
mod words {
    use super::{HIGH, LOW7, gather64};

    /// 64 bytes, to test each.
    #[derive(Clone, Copy)]
    pub struct Bytes64([u64; 8]);

    /// A mark or none for each of 64 bytes.
    #[derive(Clone, Copy)]
    pub struct Marks64([u64; 8]);

    impl Bytes64 {
        /// The bytes of `block`.
        #[inline(always)]
        pub fn load(block: &[u8; 64]) -> Bytes64 {
            let (words, _) = block.as_chunks::<8>();
            Bytes64(std::array::from_fn(|k| u64::from_le_bytes(words[k])))
        }

        /// `test` on each word.
        #[inline(always)]
        fn map(self, test: impl Fn(u64) -> u64) -> Marks64 {
            Marks64(self.0.map(test))
        }

        /// The bytes from 0x80.
        #[inline(always)]
        pub fn high(self) -> Marks64 {
            Marks64(self.0)
        }

        /// The bytes equal to `b`.
        #[inline(always)]
        pub fn eq(self, b: u8) -> Marks64 {
            self.map(|w| super::eq(w, b))
        }

        /// The bytes in `lo..=hi` (`hi` below 0x80).
        #[inline(always)]
        pub fn ascii_range(self, lo: u8, hi: u8) -> Marks64 {
            debug_assert!(lo <= hi && hi < 0x80);
            // the test of ASCII bytes on the low seven bits, and the bytes from 0x80 left out
            self.map(|w| super::ascii_range(w & LOW7, lo, hi) & !w)
        }

        /// The ASCII letters.
        #[inline(always)]
        pub fn ascii_letters(self) -> Marks64 {
            self.map(super::ascii_letters)
        }

        /// The upper-case ASCII letters.
        #[inline(always)]
        pub fn ascii_upper(self) -> Marks64 {
            self.map(super::ascii_upper)
        }

        /// The ASCII digits.
        #[inline(always)]
        pub fn ascii_digits(self) -> Marks64 {
            self.map(super::ascii_digits)
        }

        /// The ASCII white space ([`crate::words::is_ascii_space`]).
        #[inline(always)]
        pub fn ascii_spaces(self) -> Marks64 {
            self.map(super::ascii_spaces)
        }
    }

    impl Marks64 {
        /// All bytes marked when `yes`, none when not.
        #[inline(always)]
        pub fn all(yes: bool) -> Marks64 {
            Marks64([if yes { HIGH } else { 0 }; 8])
        }

        /// Bit `i` set where byte `i` is marked.
        #[inline(always)]
        pub fn bits(self) -> u64 {
            gather64(self.0)
        }

        /// Whether some byte is marked.
        #[inline(always)]
        pub fn any(self) -> bool {
            self.0.iter().fold(0, |m, w| m | w) & HIGH != 0
        }
    }

    impl std::ops::BitAnd for Marks64 {
        type Output = Marks64;
        #[inline(always)]
        fn bitand(self, other: Marks64) -> Marks64 {
            Marks64(std::array::from_fn(|k| self.0[k] & other.0[k]))
        }
    }

    impl std::ops::BitOr for Marks64 {
        type Output = Marks64;
        #[inline(always)]
        fn bitor(self, other: Marks64) -> Marks64 {
            Marks64(std::array::from_fn(|k| self.0[k] | other.0[k]))
        }
    }

    impl std::ops::Not for Marks64 {
        type Output = Marks64;
        #[inline(always)]
        fn not(self) -> Marks64 {
            Marks64(self.0.map(|w| !w))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_byte_is_marked_exactly() {
        // every byte value at every place, beside bytes that pass and bytes that do not
        for v in 0..=255u8 {
            for at in 0..8 {
                for fill in [0u8, b' ', b'0', b'\n', b'a', 0x80, 0xFF] {
                    let mut eight = [fill; 8];
                    eight[at] = v;
                    let w = u64::from_le_bytes(eight);
                    let want = |pass: fn(u8) -> bool| {
                        eight
                            .iter()
                            .enumerate()
                            .fold(0u64, |m, (i, &c)| m | (u64::from(pass(c)) << (8 * i + 7)))
                    };
                    assert_eq!(eq(w, b'\n'), want(|c| c == b'\n'), "{eight:?}");
                    assert_eq!(eq(w, 0x80), want(|c| c == 0x80), "{eight:?}");
                    assert_eq!(
                        ascii_letters(w),
                        want(|c| c.is_ascii_alphabetic()),
                        "{eight:?}"
                    );
                    assert_eq!(
                        ascii_upper(w),
                        want(|c| c.is_ascii_uppercase()),
                        "{eight:?}"
                    );
                    assert_eq!(ascii_digits(w), want(|c| c.is_ascii_digit()), "{eight:?}");
                    assert_eq!(
                        ascii_spaces(w),
                        want(crate::words::is_ascii_space),
                        "{eight:?}"
                    );
                }
            }
        }
        assert_eq!(load(b"abcdefghij"), u64::from_le_bytes(*b"abcdefgh"));
        assert_eq!(load_padded(b"abcdefghij", 1), load(b"bcdefghi"));
        assert_eq!(
            load_padded(b"abcdefghij", 7),
            u64::from_le_bytes(*b"hij\0\0\0\0\0")
        );
        assert_eq!(load_padded(b"abc", 3), 0);
        assert_eq!(load_padded(b"abc", 9), 0);
    }

    #[test]
    fn ascii_range_marks_exactly_the_bytes_in_range() {
        // every range of ASCII bytes, every ASCII byte at both ends of a word
        for lo in 0..0x80u8 {
            for hi in lo..0x80u8 {
                for v in 0..0x80u8 {
                    for at in [0, 7] {
                        for fill in [0u8, b'a', 0x7F] {
                            let mut eight = [fill; 8];
                            eight[at] = v;
                            let want = eight.iter().enumerate().fold(0u64, |m, (i, c)| {
                                m | u64::from((lo..=hi).contains(c)) << (8 * i + 7)
                            });
                            let got = ascii_range(u64::from_le_bytes(eight), lo, hi);
                            assert_eq!(got, want, "{eight:?} {lo}..={hi}");
                        }
                    }
                }
                // a byte from 0x80 spoils no answer for the bytes before it
                for high in [0x80u8, 0xC3, 0xFF] {
                    let mut eight = *b"a0 -.'\x7f\0";
                    for at in 0..8 {
                        let saved = eight[at];
                        eight[at] = high;
                        let before = (1u64 << (8 * at)) - 1;
                        let want = eight[..at].iter().enumerate().fold(0u64, |m, (i, c)| {
                            m | u64::from((lo..=hi).contains(c)) << (8 * i + 7)
                        });
                        let got = ascii_range(u64::from_le_bytes(eight), lo, hi) & before;
                        assert_eq!(got, want, "{eight:?} {lo}..={hi}");
                        eight[at] = saved;
                    }
                }
            }
        }
    }

    #[test]
    fn high_or_any3_finds_the_first_mark_exactly() {
        let (a, b, c) = (b'"', b'\'', b'`');
        let want = |eight: &[u8; 8]| {
            eight.iter().enumerate().fold(0u64, |m, (i, &v)| {
                m | u64::from(v >= 0x80 || v == a || v == b || v == c) << (8 * i + 7)
            })
        };
        for v in 0..=255u8 {
            for at in 0..8 {
                for fill in [0u8, b' ', b'a', b'"', 0x7F, 0x80, 0xC3, 0xFF] {
                    let mut eight = [fill; 8];
                    eight[at] = v;
                    let w = u64::from_le_bytes(eight);
                    let (got, want) = (high_or_any3(w, a, b, c), want(&eight));
                    assert_eq!(got.trailing_zeros(), want.trailing_zeros(), "{eight:?}");
                    // exact up to the first byte from 0x80
                    let ascii = eight.iter().position(|&v| v >= 0x80).unwrap_or(8);
                    // the bytes up to that one, it included
                    let before = u64::MAX >> (56 - 8 * ascii.min(7));
                    assert_eq!(got & before, want & before, "{eight:?}");
                }
            }
        }
    }

    #[test]
    fn transpose8_swaps_rows_and_columns() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..1000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let m = seed ^ (seed >> 29);
            let t = transpose8(m);
            for r in 0..8 {
                for c in 0..8 {
                    assert_eq!(t >> (8 * c + r) & 1, m >> (8 * r + c) & 1, "{m:#x}");
                }
            }
            assert_eq!(transpose8(t), m);
        }
    }

    #[test]
    fn gather64_is_bits_of_each_word() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..1000 {
            let mut masks = [0u64; 8];
            for m in &mut masks {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                *m = seed ^ (seed >> 29);
            }
            let want = masks
                .iter()
                .enumerate()
                .fold(0, |m, (k, &w)| m | bits(w & HIGH) << (8 * k));
            assert_eq!(gather64(masks), want, "{masks:x?}");
        }
        assert_eq!(gather64([0; 8]), 0);
        assert_eq!(gather64([HIGH; 8]), u64::MAX);
        assert_eq!(gather64([0, 0, 0, 0, 0, 0, 0, 0x80 << 56]), 1 << 63);
    }

    /// The bits of the block tests of a backend's `Bytes64` and `Marks64`, in a fixed
    /// order, for `block`.
    macro_rules! block_tests {
        ($imp:ident, $block:expr) => {{
            use $imp::{Bytes64, Marks64};
            let b = Bytes64::load($block);
            [
                b.high().bits(),
                b.eq(b'\n').bits(),
                b.eq(0xC3).bits(),
                b.ascii_range(0, 0x7F).bits(),
                b.ascii_range(b'&', b'\'').bits(),
                b.ascii_range(b'-', b'-').bits(),
                b.ascii_range(0x7F, 0x7F).bits(),
                b.ascii_letters().bits(),
                b.ascii_upper().bits(),
                b.ascii_digits().bits(),
                b.ascii_spaces().bits(),
                (b.ascii_letters() & !b.ascii_upper()).bits(),
                (b.ascii_digits() | b.high()).bits(),
                (b.eq(b' ') & Marks64::all(true)).bits(),
                (b.eq(b' ') | Marks64::all(false)).bits(),
                u64::from(b.high().any()),
                u64::from(b.eq(b'a').any()),
            ]
        }};
    }

    /// [`block_tests!`] byte by byte.
    fn block_tests_of_each_byte(block: &[u8; 64]) -> [u64; 17] {
        let bits = |pass: &dyn Fn(u8) -> bool| {
            block
                .iter()
                .enumerate()
                .fold(0u64, |m, (i, &c)| m | u64::from(pass(c)) << i)
        };
        let any = |pass: &dyn Fn(u8) -> bool| u64::from(block.iter().any(|&c| pass(c)));
        [
            bits(&|c| c >= 0x80),
            bits(&|c| c == b'\n'),
            bits(&|c| c == 0xC3),
            bits(&|c| c < 0x80),
            bits(&|c| (b'&'..=b'\'').contains(&c)),
            bits(&|c| c == b'-'),
            bits(&|c| c == 0x7F),
            bits(&|c| c.is_ascii_alphabetic()),
            bits(&|c| c.is_ascii_uppercase()),
            bits(&|c| c.is_ascii_digit()),
            bits(&crate::words::is_ascii_space),
            bits(&|c| c.is_ascii_lowercase()),
            bits(&|c| c.is_ascii_digit() || c >= 0x80),
            bits(&|c| c == b' '),
            bits(&|c| c == b' '),
            any(&|c| c >= 0x80),
            any(&|c| c == b'a'),
        ]
    }

    #[test]
    fn block_tests_mark_each_byte_exactly() {
        // each byte value at each place of a block of other bytes
        for v in 0..=255u8 {
            for fill in [0u8, b' ', b'a', b'Z', b'-', 0x7F, 0x80, 0xC3, 0xFF] {
                for at in [0, 1, 15, 16, 31, 47, 48, 63] {
                    let mut block = [fill; 64];
                    block[at] = v;
                    let want = block_tests_of_each_byte(&block);
                    assert_eq!(block_tests!(words, &block), want, "{block:?}");
                    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
                    assert_eq!(block_tests!(sse2, &block), want, "{block:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// The SSE2 block tests answer as the word tests do, on any bytes.
        #[test]
        fn block_tests_agree(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::num::u8::ANY,
                    proptest::sample::select(b" \t\n\r&'-.09AZaz@[`{".to_vec()),
                ],
                64,
            )
        ) {
            let block: &[u8; 64] = bytes.as_slice().try_into().expect("64 bytes");
            let want = block_tests!(words, block);
            proptest::prop_assert_eq!(want, block_tests_of_each_byte(block));
            #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
            proptest::prop_assert_eq!(block_tests!(sse2, block), want);
        }
    }

    #[test]
    fn first_bits_are_the_bits_of_the_first_bytes() {
        let cases = [
            (0, 0),
            (1, 1),
            (2, 3),
            (8, 0xFF),
            (63, u64::MAX >> 1),
            (64, u64::MAX),
            (65, u64::MAX),
            (1000, u64::MAX),
        ];
        for (n, want) in cases {
            assert_eq!(first_bits(n), want, "{n}");
        }
    }

    #[test]
    fn load_at_gives_the_bytes_from_at() {
        // every length up to three blocks, every start, a marked byte at each place
        for len in 1..200 {
            let plain: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            for mark in 0..len {
                let mut bytes = plain.clone();
                bytes[mark] = b'"';
                for at in 0..len {
                    let (b, before) = load_at(&bytes, at);
                    let got = b.eq(b'"').bits() >> before & first_bits(len - at);
                    // the mark, if it is among the 64 bytes from `at`
                    let want = mark
                        .checked_sub(at)
                        .and_then(|i| 1u64.checked_shl(i as u32))
                        .unwrap_or(0);
                    assert_eq!(got, want, "{len} {mark} {at}");
                }
            }
        }
    }

    #[test]
    fn bits_gathers_the_marks_in_order() {
        for m in 0..=255u64 {
            let mask = (0..8).fold(0, |w, k| w | (m >> k & 1) << (8 * k + 7));
            assert_eq!(bits(mask), m, "{mask:#x}");
        }
    }
}
