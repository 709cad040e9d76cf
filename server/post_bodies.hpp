// The JSON bodies of the staff POST endpoints (login, new account, reveal), parsed and checked
// without a socket or a database: the routes call these, and so do the fuzz targets.
#pragma once
#include <httplib.h>

#include <string>

#include "auth.hpp"

namespace dp {

struct LoginBody {
    std::string username;  // lower-cased
    std::string password;
};
// POST /api/v1/auth/login: {"username","password"}, both non-empty (400 missing_field otherwise).
LoginBody parse_login_body(const httplib::Request& req);

// POST /api/v1/admin/users: {"username","password","role","area_id"?,"display_name"?}, with every
// check that needs no database (check_new_user); whether the area exists and the name is free
// is create_user's part.
NewUser parse_new_user_body(const httplib::Request& req);

struct RevealBody {
    std::string field;   // contact_phone | id_number
    std::string reason;  // not blank, at most 200 characters
};
// POST /api/v1/desk/requests/<id>/reveal.
RevealBody parse_reveal_body(const httplib::Request& req);

}  // namespace dp
