// A VFS for the server's connections: SQLite's default one, except that a WAL file's writes are
// gathered in memory while they follow one another and written with one system call when
// something needs them on the file (a sync, a read, its size, a truncation, a write elsewhere,
// closing). A commit appends each changed page as its own frame, two writes per frame; gathered,
// a group commit costs a write per 64 KiB and one fsync. The sync writes everything gathered
// first, and other connections see frames only once committed (after that sync), so they never
// miss gathered bytes. A commit returns after its fsync, unless the committing thread asked for
// the fsync to be deferred (DeferWalSync below: the writer, which fsyncs before answering).
#pragma once

namespace dp {

// Registers the VFS once (not as the default) and returns its name for sqlite3_open_v2, or
// nullptr when the default VFS cannot be wrapped (then the default is used as it is).
const char* wal_gathering_vfs();

// Deferred WAL syncs, for the group-commit writer (writer.hpp). While a DeferWalSync is alive on
// a thread, a sync of a WAL file asked for on that thread (a commit's) writes out what was
// gathered, so that other connections read the new frames from the file, but does not wait for
// the disk: owed() then gives a descriptor of that WAL file, and the caller must fdatasync it
// before telling anyone that the commit is durable (the writer does, on its syncer thread, while
// it runs the next batch). Never deferred: a WAL file's first sync (the unix VFS also syncs the
// directory then) and a sync that covers the WAL header (a WAL started over: SQLite wants the
// header on disk before the frames that follow it). Connections without one sync as usual.
class DeferWalSync {
public:
    DeferWalSync();
    ~DeferWalSync();
    DeferWalSync(const DeferWalSync&) = delete;
    DeferWalSync& operator=(const DeferWalSync&) = delete;
    int owed() const { return owed_fd_; }  // -1: nothing deferred (synced, or nothing to sync)
    void note_owed(int fd) { owed_fd_ = fd; }  // the VFS's

private:
    int owed_fd_ = -1;
    DeferWalSync* outer_;
};

}  // namespace dp
