//! What the library flow remembers about its moves to the Trash (see `trash.rs`): the move
//! under way, the Undo on offer, when the note leaves, and the server's trash days.

#[derive(Clone, Debug, Default)]
pub(super) struct TrashState {
    /// The ids of the move to the Trash under way (what Undo would restore).
    pub sending: Vec<String>,
    /// The last move to the Trash, undoable until the time given.
    pub undo: Option<(Vec<String>, u64)>,
    pub note_until: Option<u64>,
    /// The server's `trashDays` (None: an older server, no figure shown).
    pub days: Option<u32>,
    /// The latest time an input carried (the days left are counted from it).
    pub now: u64,
}
