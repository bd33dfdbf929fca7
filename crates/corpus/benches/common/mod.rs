//! The corpus the benches time: the seed files copied to about 10 MB, each copy a different
//! file name, so every copy is decoded, segmented and deduplicated.

use std::path::Path;

/// About 10 MB of seed copies, as (file name, bytes).
pub fn seed_copies() -> Vec<(String, Vec<u8>)> {
    const TARGET_BYTES: usize = 10 * 1024 * 1024;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the bench reads the seeds in {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    seeds.sort();
    let seeds: Vec<Vec<u8>> = seeds.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let mut files = Vec::new();
    let mut total = 0;
    for copy in 0.. {
        for (n, bytes) in seeds.iter().enumerate() {
            if total >= TARGET_BYTES {
                return files;
            }
            total += bytes.len();
            files.push((format!("copy{copy:04}/seed{n}.txt"), bytes.clone()));
        }
    }
    files
}
