// Command-line maintenance: `--backup OUT` (SQLite online backup of a live database) and
// `--check` (integrity and foreign-key checks). Each returns the process exit status.
#pragma once
#include <string>

namespace dp {

// Copies `db_path` to `out_path` (written to OUT.tmp, checked, then renamed): 0 ok, 1 failed.
int run_backup(const std::string& db_path, const std::string& out_path);
// PRAGMA integrity_check and foreign_key_check: prints "ok" and returns 0, else the problems and 1.
int run_check(const std::string& db_path);

}  // namespace dp
