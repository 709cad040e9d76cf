// Uploads: POST /api/v1/requests/<id>/uploads (multipart, read with size limits while streaming;
// the request's own token or an agent of its area) and GET /api/v1/uploads/<sha256> (same people).
#include "access.hpp"
#include "app.hpp"
#include "auth.hpp"
#include "http_util.hpp"
#include "log.hpp"
#include "request_lifecycle.hpp"
#include "upload_form.hpp"
#include "upload_store.hpp"
#include "validate.hpp"

namespace dp {
namespace {

// Who is uploading: the resident (request token) or a user; throws 401/403/404.
struct Uploader {
    std::optional<User> user;  // nullopt = the resident
};

Uploader authorize_upload(App& app, const httplib::Request& req, int64_t request_id) {
    const std::string bearer = bearer_token(req);
    const std::string credential = request_credential(req);
    if (bearer.empty() && credential.empty()) throw HttpError(401, "unauthenticated", "请先登录，或使用申请时得到的凭证");
    if (!bearer.empty() && is_request_token(app.db, request_id, bearer)) return {};
    if (auto user = user_for_session(app, credential)) {
        if (user->role == Role::admin) throw HttpError(403, "forbidden", "当前账号没有权限进行这个操作");
        auto r = load_request(app.db, request_id);
        if (!r || !request_in_scope(*r, scope_of(*user))) throw HttpError(404, "request_not_found", "找不到这个申请");
        return {user};
    }
    if (!bearer.empty() && is_any_request_token(app.db, bearer))
        throw HttpError(404, "request_not_found", "找不到这个申请");
    throw HttpError(401, "unauthenticated", "请先登录，或使用申请时得到的凭证");
}

void drain(const httplib::ContentReader& reader, size_t limit) {
    size_t total = 0;
    reader([&](const char*, size_t len) { return (total += len) <= limit; });
}

void post_upload(App& app, const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
    const auto& cfg = app.config.auth;
    const size_t max_file = static_cast<size_t>(cfg.upload_max_bytes);
    const size_t drain_limit = max_file * 2 + (1 << 20);
    const int64_t request_id = path_id(req);
    Uploader who;
    try {
        who = authorize_upload(app, req, request_id);
    } catch (const HttpError&) {
        if (!req.is_multipart_form_data()) drain(reader, drain_limit);
        else read_upload_form(reader, 0, drain_limit);
        throw;
    }
    if (!req.is_multipart_form_data()) {
        drain(reader, drain_limit);
        throw HttpError(400, "not_multipart", "请用 multipart/form-data 上传：字段 file（文件）和 material（材料名称）");
    }
    const UploadForm form = read_upload_form(reader, max_file, drain_limit);
    const auto mime = check_upload_form(form, cfg.upload_max_bytes);

    const std::string sha = sha256_hex(form.file);
    // Is the request still open, is the file already attached, and is there room for one more?
    // (Checked again in the transaction.)
    auto attached = [&](bool& already) {
        auto l = app.db.lock();
        Stmt st(app.db, "SELECT status FROM requests WHERE id = ?");
        st.bind(1, request_id);
        if (!st.step()) throw HttpError(404, "request_not_found", "找不到这个申请");
        const auto status = help_status_from_string(st.text(0));
        if (status && (*status == HelpStatus::completed || *status == HelpStatus::withdrawn ||
                       *status == HelpStatus::rated))
            throw HttpError(409, "request_closed",
                            std::string("这个申请") + label_zh(*status) + "，不能再上传材料；如需继续办理请重新提交申请");
        Stmt dup(app.db, "SELECT 1 FROM request_uploads WHERE request_id = ? AND sha256 = ?");
        dup.bind(1, request_id).bind(2, sha);
        already = dup.step();
        Stmt c(app.db, "SELECT COUNT(*) FROM request_uploads WHERE request_id = ?");
        c.bind(1, request_id);
        c.step();
        if (!already && c.int64(0) >= cfg.upload_max_count)
            throw HttpError(409, "too_many_uploads",
                            "每个申请最多上传 " + std::to_string(cfg.upload_max_count) + " 个文件");
    };
    bool already = false;
    attached(already);
    UploadStore(cfg.uploads_dir).put(form.file);  // durable before the rows that point at it
    const int64_t now = unix_now();
    const std::string by = who.user ? std::to_string(who.user->id) : "resident";
    app.db.transaction([&] {
        attached(already);
        if (already) return;
        Stmt u(app.db, "INSERT OR IGNORE INTO uploads (sha256, mime, size, created_at) VALUES (?, ?, ?, ?)");
        u.bind(1, sha).bind(2, mime).bind(3, static_cast<int64_t>(form.file.size())).bind(4, now);
        u.step();
        Stmt r(app.db,
               "INSERT INTO request_uploads (request_id, sha256, material, uploaded_at, uploaded_by) "
               "VALUES (?, ?, ?, ?, ?)");
        r.bind(1, request_id).bind(2, sha).bind(3, form.material).bind(4, now).bind(5, by);
        r.step();
    });
    const bool created = !already;
    audit(app.db, who.user ? std::optional<int64_t>(who.user->id) : std::nullopt, "upload_added", "request",
          std::to_string(request_id), {{"by", by}, {"sha256", sha}, {"mime", mime}, {"size", form.file.size()}});
    send_json(res,
              {{"upload",
                {{"sha256", sha},
                 {"mime", mime},
                 {"size", form.file.size()},
                 {"material", form.material},
                 {"url", "/api/v1/uploads/" + sha}}},
               {"created", created}},
              created ? 201 : 200);
}

void get_upload(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string sha = req.matches[1];
    auto not_found = [] { return HttpError(404, "upload_not_found", "找不到这个文件"); };
    if (!is_sha256_hex(sha)) throw not_found();
    bool allowed = false;
    const std::string bearer = bearer_token(req);
    if (!bearer.empty()) {
        auto l = app.db.lock();
        Stmt s(app.db,
               "SELECT 1 FROM request_uploads ru JOIN requests r ON r.id = ru.request_id "
               "WHERE ru.sha256 = ? AND r.token_hash = ?");
        s.bind(1, sha).bind(2, sha256_hex(bearer));
        allowed = s.step();
    }
    if (!allowed) {
        auto user = current_user(req, app);
        if (user && user->role != Role::admin) {
            const RequestScope scope = scope_of(*user);
            int64_t request_id = 0;
            {
                auto l = app.db.lock();
                Stmt s(app.db, ("SELECT r.id FROM request_uploads ru JOIN requests r ON r.id = ru.request_id "
                                "WHERE ru.sha256 = ?" + scope.sql() + " LIMIT 1").c_str());
                int i = 1;
                s.bind(i++, sha);
                for (const auto& p : scope.params()) s.bind(i++, p);
                if (s.step()) request_id = s.int64(0);
            }
            if (request_id) {
                allowed = true;
                audit(app.db, user->id, "upload_read", "request", std::to_string(request_id), {{"sha256", sha}});
            }
        }
    }
    if (!allowed) throw not_found();
    std::string mime;
    {
        auto l = app.db.lock();
        Stmt s(app.db, "SELECT mime FROM uploads WHERE sha256 = ?");
        s.bind(1, sha);
        if (!s.step()) throw not_found();
        mime = s.text(0);
    }
    auto bytes = UploadStore(app.config.auth.uploads_dir).read(sha);
    if (!bytes) {
        log::error("upload_missing", {{"sha256", sha}});
        throw not_found();
    }
    const bool pdf = mime == "application/pdf";
    res.set_header("Content-Disposition", std::string(pdf ? "attachment" : "inline") + "; filename=\"" + sha.substr(0, 16) +
                                              (pdf ? ".pdf" : mime == "image/png" ? ".png" : ".jpg") + "\"");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
    res.set_header("Cache-Control", "private, no-store");
    res.set_content(*bytes, mime.c_str());
}

}  // namespace

void register_upload_routes(Routes& server, App& app) {
    server.Post(R"(/api/v1/requests/(\d+)/uploads)",
                [&app](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader) {
                    post_upload(app, req, res, reader);
                });
    // Without a body httplib does not call content-reader handlers: answer that case here.
    server.Post(R"(/api/v1/requests/(\d+)/uploads)", [&app](const httplib::Request& req, httplib::Response&) {
        authorize_upload(app, req, path_id(req));
        throw HttpError(400, "missing_file", "缺少文件（字段 file）");
    });
    server.Get(R"(/api/v1/uploads/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) { get_upload(app, req, res); });
}

}  // namespace dp
