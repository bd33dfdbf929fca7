//! Work done item by item, on every core when the `parallel` feature is on (the command-line
//! tool) and in order on one thread without it (the browser's worker, where threads are not to
//! be had). Each item's result depends on that item alone and results keep the items' order,
//! so the corpus is the same, byte for byte, however many threads run.

#[cfg(feature = "parallel")]
use rayon::prelude::*;

/// `f` of every item, in the items' order.
pub(crate) fn map<'a, T: Sync, R: Send>(
    items: &'a [T],
    f: impl Fn(&'a T) -> R + Sync + Send,
) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter().map(f).collect()
    }
}

/// `f` of every item, taking each by value, in the items' order.
pub(crate) fn map_owned<T: Send, R: Send>(
    items: Vec<T>,
    f: impl Fn(T) -> R + Sync + Send,
) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        items.into_par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.into_iter().map(f).collect()
    }
}

/// `f` on every item, in place.
pub(crate) fn for_each_mut<T: Send>(items: &mut [T], f: impl Fn(&mut T) + Sync + Send) {
    #[cfg(feature = "parallel")]
    {
        items.par_iter_mut().for_each(f);
    }
    #[cfg(not(feature = "parallel"))]
    {
        items.iter_mut().for_each(f);
    }
}

/// [`map`], telling `done` how many items are finished: before each item when they run in order,
/// all at the end when they run at once.
pub(crate) fn map_reporting<'a, T: Sync, R: Send>(
    items: &'a [T],
    f: impl Fn(&'a T) -> R + Sync + Send,
    mut done: impl FnMut(usize),
) -> Vec<R> {
    #[cfg(feature = "parallel")]
    {
        let out = items.par_iter().map(f).collect();
        done(items.len());
        out
    }
    #[cfg(not(feature = "parallel"))]
    {
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                done(i);
                f(item)
            })
            .collect()
    }
}
