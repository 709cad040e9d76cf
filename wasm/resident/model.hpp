// The resident app's state as plain data, the actions that change it, and `update`.
// The view (view.cpp) reads a const Model and returns actions; it never mutates the model.
#pragma once
#include <string>
#include <variant>
#include <vector>

#include "landing.hpp"

namespace resident {

enum class Status { loading, ready, error };

struct Model {
    Status status = Status::loading;
    std::string doorplate_code;
    std::string channel;  // ?src= (poster, wechat, …)
    dp::Landing landing;
    std::string error_title;
    std::string error_detail;
    std::string opened_item;  // id of the item the resident tapped (guide pages come later)
};

struct LandingLoaded {
    dp::Landing landing;
};
struct LoadFailed {
    std::string title, detail;
};
struct OpenItem {
    std::string id;
};
struct Retry {};
using Action = std::variant<LandingLoaded, LoadFailed, OpenItem, Retry>;

Model update(Model m, const Action& a);

// The doorplate code from a path like "/d/H5GYFKJ" ("" if the path is not a doorplate link).
std::string doorplate_code_from_path(const std::string& path);

}  // namespace resident
