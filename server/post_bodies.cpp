// Staff POST bodies (see post_bodies.hpp).
#include "post_bodies.hpp"

#include <cctype>

#include "access.hpp"
#include "http_util.hpp"

namespace dp {

LoginBody parse_login_body(const httplib::Request& req) {
    auto body = json_object_body(req, {"username", "password"});
    LoginBody b;
    b.username = string_member(body, "username", true, 64);
    for (char& c : b.username) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    b.password = string_member(body, "password", true, 1024);
    if (b.username.empty() || b.password.empty()) throw HttpError(400, "missing_field", "请填写用户名和密码");
    return b;
}

NewUser parse_new_user_body(const httplib::Request& req) {
    auto body = json_object_body(req, {"username", "password", "role", "area_id", "display_name"});
    NewUser n;
    n.username = string_member(body, "username", true, 64);
    n.password = string_member(body, "password", true, 1024);
    n.role = string_member(body, "role", true, 32);
    n.area_id = string_member(body, "area_id", false, 32);
    n.display_name = string_member(body, "display_name", false, 50);
    check_new_user(n);
    return n;
}

RevealBody parse_reveal_body(const httplib::Request& req) {
    auto body = json_object_body(req, {"field", "reason"});
    RevealBody b;
    b.field = string_member(body, "field", true, 32);
    if (b.field != "contact_phone" && b.field != "id_number")
        throw HttpError(400, "bad_field", "字段 field 只能是 contact_phone 或 id_number");
    b.reason = string_member(body, "reason", false, 200);
    if (b.reason.find_first_not_of(" \t\r\n") == std::string::npos)
        throw HttpError(400, "reason_required", "查看完整信息需要填写原因（最多 200 字）");
    return b;
}

}  // namespace dp
