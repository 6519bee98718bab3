//! A small ordered map from text keys on a sorted vector, for a draft's few hand edits of
//! the report and kept texts of number fields. The standard BTreeMap is compiled afresh
//! for every value type, about 8 KB of wasm each (BENCHMARKS.md); this is a few hundred
//! bytes, and its maps hold tens of entries.

/// Entries in key order, each key once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Map<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for Map<V> {
    fn default() -> Self {
        Map {
            entries: Vec::new(),
        }
    }
}

impl<V> Map<V> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Where `key` is, or where it would go.
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        match self.find(key) {
            Ok(i) => Some(&mut self.entries[i].1),
            Err(_) => None,
        }
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets the value at `key`, returning the one it replaces.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// Keeps the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &V) -> bool) {
        self.entries.retain(|(k, v)| keep(k, v));
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }
}

impl<V> FromIterator<(String, V)> for Map<V> {
    /// Later entries win over earlier ones with the same key.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut m = Map::new();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}

impl<V> IntoIterator for Map<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::tests::lcg;
    use std::collections::BTreeMap;

    #[test]
    fn behaves_as_a_btree_map_under_random_operations() {
        let mut seed = 11;
        let (mut ours, mut theirs) = (Map::new(), BTreeMap::new());
        for step in 0..5_000 {
            let key = format!("k{}", lcg(&mut seed) % 50);
            match lcg(&mut seed) % 4 {
                0 | 1 => assert_eq!(ours.insert(key.clone(), step), theirs.insert(key, step)),
                2 => assert_eq!(ours.remove(&key), theirs.remove(&key)),
                _ => {
                    let odd = lcg(&mut seed) % 2 == 1;
                    ours.retain(|_, v| (v % 2 == 1) != odd || step % 7 != 0);
                    theirs.retain(|_, v| (*v % 2 == 1) != odd || step % 7 != 0);
                }
            }
            assert_eq!(
                ours.get(&format!("k{}", step % 50)),
                theirs.get(&format!("k{}", step % 50))
            );
            assert!(ours.iter().map(|(k, v)| (k.clone(), *v)).eq(theirs.clone()));
            assert_eq!(ours.len(), theirs.len());
        }
    }
}
