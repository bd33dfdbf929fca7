//! The sample corpus bundled with the app: five real scraped news files, so the page can be
//! tried with one click and no file of one's own. They ship inside the worker's wasm, so loading
//! them makes no network request.

/// The sample files, by name.
pub const FILES: &[(&str, &[u8])] = &[
    (
        "000_5bb7e25a442b555a.txt",
        include_bytes!("../../assets/sample/000_5bb7e25a442b555a.txt"),
    ),
    (
        "001_70383bd2258dd309.txt",
        include_bytes!("../../assets/sample/001_70383bd2258dd309.txt"),
    ),
    (
        "002_c4c92065ccfd9160.txt",
        include_bytes!("../../assets/sample/002_c4c92065ccfd9160.txt"),
    ),
    (
        "003_26f0ad0b6a8edf90.txt",
        include_bytes!("../../assets/sample/003_26f0ad0b6a8edf90.txt"),
    ),
    (
        "004_0012a492e006fc77.txt",
        include_bytes!("../../assets/sample/004_0012a492e006fc77.txt"),
    ),
];
