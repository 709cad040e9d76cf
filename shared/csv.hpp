// RFC 4180 CSV: reading records with the line each starts on (quoted fields may hold commas,
// quotes and line breaks; CRLF or LF; a UTF-8 BOM is skipped) and writing fields back.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dp {

struct CsvRecord {
    int line = 0;  // 1-based line of the file on which the record starts
    std::vector<std::string> fields;
};

struct CsvError {
    int line = 0;
    std::string message;  // Chinese, e.g. "引号没有闭合"
};

struct CsvParse {
    std::vector<CsvRecord> records;  // blank lines are skipped
    std::vector<CsvError> errors;    // records with errors are left out of `records`
};

// Unquoted fields are trimmed of spaces and tabs; quoted fields are kept exactly.
CsvParse parse_csv(std::string_view text);

// A field quoted when it holds a comma, quote, CR, LF or leading/trailing space.
std::string csv_field(std::string_view field);
// Fields joined by commas, ended by "\r\n" (RFC 4180).
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace dp
