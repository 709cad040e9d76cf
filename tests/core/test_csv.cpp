// Tests of shared/csv: RFC 4180 quoting both ways, BOM, CRLF, blank lines, record lines.
#include <doctest/doctest.h>

#include "csv.hpp"

TEST_CASE("fields that need quotes are quoted and read back exactly") {
    const std::vector<std::string> fields = {"plain", "a,b", "say \"hi\"", "two\r\nlines", " padded ", ""};
    const std::string row = dp::csv_row(fields);
    CHECK(row == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\" padded \",\r\n");
    const auto parsed = dp::parse_csv(row + row);
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.records.size() == 2);
    CHECK(parsed.records[0].fields == fields);
    CHECK(parsed.records[0].line == 1);
    CHECK(parsed.records[1].line == 3);  // the first record spans two lines
}

TEST_CASE("a BOM is skipped, blank lines ignored, unquoted fields trimmed, a last line without newline read") {
    const auto p = dp::parse_csv("\xEF\xBB\xBF" "a , b\n\n  c,d  \r\ne,f");
    REQUIRE(p.records.size() == 3);
    CHECK(p.records[0].fields == std::vector<std::string>{"a", "b"});
    CHECK(p.records[1].fields == std::vector<std::string>{"c", "d"});
    CHECK(p.records[1].line == 3);
    CHECK(p.records[2].fields == std::vector<std::string>{"e", "f"});
}

TEST_CASE("an unclosed quote and text after a closing quote are errors at their lines") {
    auto p = dp::parse_csv("a,b\n\"x\"y,z\nc,d\n");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0].line == 2);
    CHECK(p.errors[0].message == "引号后应为逗号或换行");
    CHECK(p.records.size() == 2);
    p = dp::parse_csv("a,b\nc,\"open\nmore");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0].line == 2);
    CHECK(p.errors[0].message == "引号没有闭合");
}
