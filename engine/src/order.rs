//! Sorting in one small merge sort shared by every list the engine and the app sort. Core's
//! sort is compiled afresh for each element type and comparison (about 4 KB of wasm each,
//! BENCHMARKS.md); this one is compiled once, and the lists it sorts are short.

use std::cmp::Ordering;

/// The stable order of `0..n` by `cmp` on indices: ties keep their first order.
pub fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = from.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // The left run's item goes first unless the right one is strictly less.
                let left = i < mid && (j >= end || cmp(from[j], from[i]) != Ordering::Less);
                if left {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let sorted = order(v.len(), &|i, j| cmp(&v[i], &v[j]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        sorted
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small deterministic generator, so the tests need no dependency.
    pub(crate) fn lcg(seed: &mut u64) -> u64 {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        *seed >> 33
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7;
        for n in [0, 1, 2, 3, 5, 8, 13, 100, 1000, 1025] {
            for range in [2, 10, 1_000_000] {
                let v: Vec<(u64, usize)> = (0..n).map(|i| (lcg(&mut seed) % range, i)).collect();
                let mut ours = v.clone();
                sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
                let mut theirs = v.clone();
                theirs.sort_by_key(|a| a.0);
                assert_eq!(ours, theirs, "n = {n}, range = {range}");
            }
        }
    }

    #[test]
    fn order_is_stable_on_ties() {
        let keys = [3, 1, 3, 1, 2];
        assert_eq!(order(5, &|i, j| keys[i].cmp(&keys[j])), vec![1, 3, 4, 0, 2]);
    }
}
