// A VFS for the server's connections: SQLite's default one, except that a WAL file's writes are
// gathered in memory while they follow one another and written with one system call when
// something needs them on the file (a sync, a read, its size, a truncation, a write elsewhere,
// closing). A commit appends each changed page as its own frame, two writes per frame; gathered,
// a group commit costs a write per 64 KiB and one fsync. Durability is unchanged: a commit returns only
// after the sync, and the sync writes everything gathered first. Other connections see frames
// only once committed (after that sync), so they never miss gathered bytes.
#pragma once

namespace dp {

// Registers the VFS once (not as the default) and returns its name for sqlite3_open_v2, or
// nullptr when the default VFS cannot be wrapped (then the default is used as it is).
const char* wal_gathering_vfs();

}  // namespace dp
