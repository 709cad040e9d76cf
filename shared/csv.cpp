// CSV reading and writing (see csv.hpp).
#include "csv.hpp"

namespace dp {

namespace {
std::string trim(std::string_view s) {
    size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return std::string(s.substr(b, e - b));
}
}  // namespace

CsvParse parse_csv(std::string_view text) {
    CsvParse out;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    size_t i = 0;
    int line = 1;
    const size_t n = text.size();
    while (i < n) {
        CsvRecord rec;
        rec.line = line;
        std::string error;
        bool end_of_record = false;
        while (!end_of_record) {
            std::string field;
            bool quoted = false;
            // leading spaces before an opening quote are allowed
            size_t j = i;
            while (j < n && (text[j] == ' ' || text[j] == '\t')) ++j;
            if (j < n && text[j] == '"') {
                quoted = true;
                i = j + 1;
                bool closed = false;
                while (i < n) {
                    char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                    ++i;
                }
                if (!closed) {
                    if (error.empty()) error = "引号没有闭合";
                    i = n;
                } else {
                    while (i < n && (text[i] == ' ' || text[i] == '\t')) ++i;
                    if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                        if (error.empty()) error = "引号后应为逗号或换行";
                        while (i < n && text[i] != ',' && text[i] != '\n') ++i;
                    }
                }
            } else {
                size_t b = i;
                while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') ++i;
                field = trim(text.substr(b, i - b));
            }
            (void)quoted;
            rec.fields.push_back(std::move(field));
            if (i < n && text[i] == ',') {
                ++i;
                continue;
            }
            // end of line or file
            if (i < n && text[i] == '\r') ++i;
            if (i < n && text[i] == '\n') ++i;
            ++line;
            end_of_record = true;
        }
        const bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
        if (!error.empty())
            out.errors.push_back({rec.line, error});
        else if (!blank)
            out.records.push_back(std::move(rec));
    }
    return out;
}

std::string csv_field(std::string_view field) {
    bool quote = !field.empty() && (field.front() == ' ' || field.back() == ' ' || field.front() == '\t' ||
                                    field.back() == '\t');
    for (char c : field)
        if (c == ',' || c == '"' || c == '\r' || c == '\n') quote = true;
    if (!quote) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    out += "\r\n";
    return out;
}

}  // namespace dp
