// The write-gathering VFS (see wal_vfs.hpp): the default VFS with the WAL file's writes kept in
// memory while they are contiguous and written in one pwrite before anything that needs them on
// the file (a sync, a read, its size, a truncation, a write elsewhere, closing).
#include "wal_vfs.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <new>
#include <string>

namespace dp {
namespace {

constexpr size_t kMaxGathered = 1024 * 1024;

sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;

struct GatherFile {
    sqlite3_file base;    // first: SQLite sees a GatherFile as a sqlite3_file
    sqlite3_file* real;   // the default VFS's file, allocated right after this struct
    bool wal;             // gathering is only for WAL files
    std::string* pending; // gathered bytes (WAL only)
    sqlite3_int64 pending_at;
    // Deferred syncs (WAL only): a read-only descriptor of the same file for the owner's
    // fdatasync, whether the default VFS has synced it once (and its directory with it), and
    // whether the header was written since the last sync.
    int sync_fd;
    bool synced_once;
    bool header_pending;
};

thread_local DeferWalSync* t_defer = nullptr;

GatherFile* gf(sqlite3_file* f) { return reinterpret_cast<GatherFile*>(f); }

// The default unix VFS writes at most 128 KiB - 1 bytes per call (a longer one would be a short
// write, reported as a full disk): pieces of 64 KiB.
constexpr size_t kMaxWrite = 64 * 1024;

int flush(GatherFile* f) {
    if (!f->wal || f->pending->empty()) return SQLITE_OK;
    int rc = SQLITE_OK;
    for (size_t at = 0; at < f->pending->size() && rc == SQLITE_OK; at += kMaxWrite) {
        const size_t n = std::min(kMaxWrite, f->pending->size() - at);
        rc = f->real->pMethods->xWrite(f->real, f->pending->data() + at, static_cast<int>(n),
                                       f->pending_at + static_cast<sqlite3_int64>(at));
    }
    f->pending->clear();
    return rc;
}

int x_close(sqlite3_file* file) {
    GatherFile* f = gf(file);
    int rc = flush(f);
    const int rc2 = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    delete f->pending;
    f->pending = nullptr;
    if (f->sync_fd >= 0) ::close(f->sync_fd);
    f->sync_fd = -1;
    return rc != SQLITE_OK ? rc : rc2;
}

int x_read(sqlite3_file* file, void* buf, int amt, sqlite3_int64 off) {
    GatherFile* f = gf(file);
    if (f->wal && !f->pending->empty() && off < f->pending_at + static_cast<sqlite3_int64>(f->pending->size()) &&
        off + amt > f->pending_at) {
        if (int rc = flush(f); rc != SQLITE_OK) return rc;
    }
    return f->real->pMethods->xRead(f->real, buf, amt, off);
}

int x_write(sqlite3_file* file, const void* buf, int amt, sqlite3_int64 off) {
    GatherFile* f = gf(file);
    if (!f->wal) return f->real->pMethods->xWrite(f->real, buf, amt, off);
    if (off == 0) f->header_pending = true;  // the WAL header (a new WAL, or one started over)
    std::string& p = *f->pending;
    const bool follows = !p.empty() && off == f->pending_at + static_cast<sqlite3_int64>(p.size());
    if (!p.empty() && (!follows || p.size() + static_cast<size_t>(amt) > kMaxGathered)) {
        if (int rc = flush(f); rc != SQLITE_OK) return rc;
    }
    if (p.empty()) f->pending_at = off;
    p.append(static_cast<const char*>(buf), static_cast<size_t>(amt));
    return SQLITE_OK;
}

int x_truncate(sqlite3_file* file, sqlite3_int64 size) {
    GatherFile* f = gf(file);
    if (int rc = flush(f); rc != SQLITE_OK) return rc;
    return f->real->pMethods->xTruncate(f->real, size);
}

int x_sync(sqlite3_file* file, int flags) {
    GatherFile* f = gf(file);
    if (int rc = flush(f); rc != SQLITE_OK) return rc;
    if (f->wal && t_defer && f->synced_once && !f->header_pending && f->sync_fd >= 0) {
        t_defer->note_owed(f->sync_fd);
        return SQLITE_OK;
    }
    const int rc = f->real->pMethods->xSync(f->real, flags);
    if (rc == SQLITE_OK && f->wal) {
        f->synced_once = true;
        f->header_pending = false;
    }
    return rc;
}

int x_file_size(sqlite3_file* file, sqlite3_int64* size) {
    GatherFile* f = gf(file);
    if (int rc = flush(f); rc != SQLITE_OK) return rc;
    return f->real->pMethods->xFileSize(f->real, size);
}

int x_lock(sqlite3_file* file, int level) { return gf(file)->real->pMethods->xLock(gf(file)->real, level); }
int x_unlock(sqlite3_file* file, int level) { return gf(file)->real->pMethods->xUnlock(gf(file)->real, level); }
int x_check_reserved(sqlite3_file* file, int* out) {
    return gf(file)->real->pMethods->xCheckReservedLock(gf(file)->real, out);
}
int x_file_control(sqlite3_file* file, int op, void* arg) {
    GatherFile* f = gf(file);
    if (int rc = flush(f); rc != SQLITE_OK) return rc;
    return f->real->pMethods->xFileControl(f->real, op, arg);
}
int x_sector_size(sqlite3_file* file) { return gf(file)->real->pMethods->xSectorSize(gf(file)->real); }
int x_device_characteristics(sqlite3_file* file) {
    return gf(file)->real->pMethods->xDeviceCharacteristics(gf(file)->real);
}
int x_shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
    return gf(file)->real->pMethods->xShmMap(gf(file)->real, region, size, extend, out);
}
// (The default unix VFS's files are version 3: shared memory and memory-mapped reads.)
int x_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
    return gf(file)->real->pMethods->xShmLock(gf(file)->real, offset, n, flags);
}
void x_shm_barrier(sqlite3_file* file) { gf(file)->real->pMethods->xShmBarrier(gf(file)->real); }
int x_shm_unmap(sqlite3_file* file, int del) { return gf(file)->real->pMethods->xShmUnmap(gf(file)->real, del); }
int x_fetch(sqlite3_file* file, sqlite3_int64 off, int amt, void** out) {
    GatherFile* f = gf(file);
    if (int rc = flush(f); rc != SQLITE_OK) return rc;
    return f->real->pMethods->xFetch(f->real, off, amt, out);
}
int x_unfetch(sqlite3_file* file, sqlite3_int64 off, void* p) {
    return gf(file)->real->pMethods->xUnfetch(gf(file)->real, off, p);
}

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    GatherFile* f = gf(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->wal = (flags & SQLITE_OPEN_WAL) != 0;
    f->pending = nullptr;
    f->pending_at = 0;
    f->sync_fd = -1;
    f->synced_once = false;
    f->header_pending = false;
    file->pMethods = nullptr;
    const int rc = g_real->xOpen(g_real, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        if (f->real->pMethods) f->real->pMethods->xClose(f->real);
        return rc;
    }
    if (f->wal) f->pending = new (std::nothrow) std::string;
    if (f->wal && !f->pending) {
        f->real->pMethods->xClose(f->real);
        return SQLITE_NOMEM;
    }
    // The same file (just opened: the same inode), for deferred syncs; without it, none are deferred.
    if (f->wal && name) f->sync_fd = ::open(name, O_RDONLY | O_CLOEXEC);
    file->pMethods = &g_methods;
    return SQLITE_OK;
}

// The rest of the VFS is the default one's.
int x_delete(sqlite3_vfs*, const char* name, int sync_dir) { return g_real->xDelete(g_real, name, sync_dir); }
int x_access(sqlite3_vfs*, const char* name, int flags, int* out) { return g_real->xAccess(g_real, name, flags, out); }
int x_full_pathname(sqlite3_vfs*, const char* name, int n, char* out) {
    return g_real->xFullPathname(g_real, name, n, out);
}
void* x_dl_open(sqlite3_vfs*, const char* name) { return g_real->xDlOpen(g_real, name); }
void x_dl_error(sqlite3_vfs*, int n, char* msg) { g_real->xDlError(g_real, n, msg); }
void (*x_dl_sym(sqlite3_vfs*, void* h, const char* sym))(void) { return g_real->xDlSym(g_real, h, sym); }
void x_dl_close(sqlite3_vfs*, void* h) { g_real->xDlClose(g_real, h); }
int x_randomness(sqlite3_vfs*, int n, char* out) { return g_real->xRandomness(g_real, n, out); }
int x_sleep(sqlite3_vfs*, int us) { return g_real->xSleep(g_real, us); }
int x_current_time(sqlite3_vfs*, double* t) { return g_real->xCurrentTime(g_real, t); }
int x_get_last_error(sqlite3_vfs*, int n, char* msg) { return g_real->xGetLastError(g_real, n, msg); }
int x_current_time_int64(sqlite3_vfs*, sqlite3_int64* t) { return g_real->xCurrentTimeInt64(g_real, t); }

}  // namespace

DeferWalSync::DeferWalSync() : outer_(t_defer) { t_defer = this; }
DeferWalSync::~DeferWalSync() { t_defer = outer_; }

const char* wal_gathering_vfs() {
    static std::once_flag once;
    static bool ok = false;
    std::call_once(once, [] {
        g_real = sqlite3_vfs_find(nullptr);
        if (!g_real || g_real->iVersion < 2 || std::strcmp(g_real->zName, "unix") != 0) return;
        g_methods = {};
        g_methods.iVersion = 3;
        g_methods.xClose = x_close;
        g_methods.xRead = x_read;
        g_methods.xWrite = x_write;
        g_methods.xTruncate = x_truncate;
        g_methods.xSync = x_sync;
        g_methods.xFileSize = x_file_size;
        g_methods.xLock = x_lock;
        g_methods.xUnlock = x_unlock;
        g_methods.xCheckReservedLock = x_check_reserved;
        g_methods.xFileControl = x_file_control;
        g_methods.xSectorSize = x_sector_size;
        g_methods.xDeviceCharacteristics = x_device_characteristics;
        g_methods.xShmMap = x_shm_map;
        g_methods.xShmLock = x_shm_lock;
        g_methods.xShmBarrier = x_shm_barrier;
        g_methods.xShmUnmap = x_shm_unmap;
        g_methods.xFetch = x_fetch;
        g_methods.xUnfetch = x_unfetch;
        g_vfs = {};
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = static_cast<int>(sizeof(GatherFile)) + g_real->szOsFile;
        g_vfs.mxPathname = g_real->mxPathname;
        g_vfs.zName = "doorplate-wal-gather";
        g_vfs.xOpen = x_open;
        g_vfs.xDelete = x_delete;
        g_vfs.xAccess = x_access;
        g_vfs.xFullPathname = x_full_pathname;
        g_vfs.xDlOpen = x_dl_open;
        g_vfs.xDlError = x_dl_error;
        g_vfs.xDlSym = x_dl_sym;
        g_vfs.xDlClose = x_dl_close;
        g_vfs.xRandomness = x_randomness;
        g_vfs.xSleep = x_sleep;
        g_vfs.xCurrentTime = x_current_time;
        g_vfs.xGetLastError = x_get_last_error;
        g_vfs.xCurrentTimeInt64 = x_current_time_int64;
        ok = sqlite3_vfs_register(&g_vfs, /*makeDflt=*/0) == SQLITE_OK;
    });
    return ok ? g_vfs.zName : nullptr;
}

}  // namespace dp
