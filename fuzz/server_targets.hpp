// Fuzz targets for the server's parsers of untrusted input: the JSON body of every POST endpoint
// (through the same functions the routes call) and the multipart upload form. A body may be
// refused only with an HttpError 4xx: any other exception (a 500 in the server) or a 5xx, or
// an accepted body that breaks an invariant, aborts. libFuzzer drives them (fuzz_main.cpp,
// `make fuzz`); the server tests replay the kept corpus and regressions (test_fuzz_replay.cpp).
#pragma once
#include "targets.hpp"

namespace dp_fuzz {

int submission_body(const std::uint8_t* data, std::size_t size);  // POST /api/v1/requests
int login_body(const std::uint8_t* data, std::size_t size);       // POST /api/v1/auth/login
int new_user_body(const std::uint8_t* data, std::size_t size);    // POST /api/v1/admin/users
int reveal_body(const std::uint8_t* data, std::size_t size);      // POST /api/v1/desk/requests/<id>/reveal
int upload_form(const std::uint8_t* data, std::size_t size);      // POST /api/v1/requests/<id>/uploads

inline constexpr Entry kServerTargets[] = {
    {"submission_body", submission_body}, {"login_body", login_body},   {"new_user_body", new_user_body},
    {"reveal_body", reveal_body},         {"upload_form", upload_form},
};

}  // namespace dp_fuzz
