// Parsing the landing-page data (see landing.hpp).
#include "landing.hpp"

namespace dp {

Landing parse_landing(const nlohmann::json& j) {
    Landing l;
    l.doorplate = j.get<Doorplate>();
    if (j.contains("popular_items"))
        for (auto& it : j.at("popular_items")) {
            ItemCard c;
            c.id = it.at("id").get<std::string>();
            c.name = it.value("name", "");
            c.plain_name = it.value("plain_name", c.name);
            c.category = it.value("category", "");
            l.popular_items.push_back(std::move(c));
        }
    return l;
}

}  // namespace dp
