// update() of the resident app (see model.hpp).
#include "model.hpp"

namespace resident {

namespace {
template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;
}  // namespace

Model update(Model m, const Action& a) {
    std::visit(overloaded{
                   [&](const LandingLoaded& x) {
                       m.landing = x.landing;
                       m.status = Status::ready;
                   },
                   [&](const LoadFailed& x) {
                       m.status = Status::error;
                       m.error_title = x.title;
                       m.error_detail = x.detail;
                   },
                   [&](const OpenItem& x) { m.opened_item = x.id; },
                   [&](const Retry&) { m.status = Status::loading; },
               },
               a);
    return m;
}

std::string doorplate_code_from_path(const std::string& path) {
    const std::string prefix = "/d/";
    if (path.rfind(prefix, 0) != 0) return "";
    std::string code = path.substr(prefix.size());
    auto slash = code.find('/');
    if (slash != std::string::npos) code.resize(slash);
    return code;
}

}  // namespace resident
