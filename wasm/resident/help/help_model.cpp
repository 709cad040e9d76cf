// update() and the form rules of the help app (see help_model.hpp).
#include "help_model.hpp"

#include "help_forms.hpp"

#include <algorithm>
#include <ctime>

namespace help {

namespace {
template <class... F>
struct overloaded : F... {
    using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

// A value still being typed is not yet "too short": those messages wait for 提交.
bool shown_while_typing(const std::string& code) {
    return code != "id_card.length" && code != "mobile.length" && code != "name.too_short" &&
           code != "form.required" && code != "id_card.empty" && code != "mobile.empty" && code != "name.empty";
}
}  // namespace

dp::CalendarDate today_in_china() {
    std::time_t t = std::time(nullptr) + 8 * 3600;
    std::tm tm{};
    gmtime_r(&t, &tm);
    return dp::CalendarDate{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

dp::FormResult check_proxy_form(const ProxyForm& form, const dp::CalendarDate& today) {
    return dp::validate_proxy_form(form.values, today);  // the server runs the same check
}

std::string field_message(const ProxyForm& form, const dp::FormResult& check, const std::string& field) {
    for (auto& e : check.errors) {
        if (e.field != field) continue;
        auto v = form.values.find(field);
        const bool typed = v != form.values.end() && !v->second.empty();
        if (form.submit_tried || (typed && shown_while_typing(e.code))) return e.message;
        return "";
    }
    auto s = form.server_errors.find(field);
    return s != form.server_errors.end() ? s->second : "";
}

const dp::Catalogue* item_catalogue(const HelpModel& m, const std::string& item_id) {
    auto it = m.guides.find(item_id);
    return it != m.guides.end() ? it->second.get() : nullptr;
}

std::string item_name(const HelpModel& m, const std::string& item_id) {
    if (const dp::Catalogue* c = item_catalogue(m, item_id)) {
        if (const dp::Item* i = c->find_item(item_id)) return i->plain_name.empty() ? i->name : i->plain_name;
        const std::string n = c->name_of(item_id);
        if (!n.empty()) return n;
    }
    for (auto& i : m.landing.popular_items)
        if (i.id == item_id) return i.plain_name.empty() ? i.name : i.plain_name;
    return item_id;
}

dp::ResidentRoute route_to(const HelpModel& m, dp::ResidentPage page) {
    dp::ResidentRoute r = m.route;
    r.page = page;
    return r;
}

const MyRequest* find_request(const HelpModel& m, const std::string& id) {
    for (auto& r : m.mine)
        if (r.id == id) return &r;
    return nullptr;
}

HelpModel update(HelpModel m, const Action& a) {
    std::visit(overloaded{
                   [&](const Navigate& x) {
                       if (!dp::is_help_page(x.route.page) || x.route.page == dp::ResidentPage::requests) m.submitting = false;
                       m.route = x.route;
                   },
                   [&](const PlateLoaded& x) {
                       m.landing = x.landing;
                       m.plate_state = Load::ready;
                       // The doorplate's address fills the form's address (the resident may change it).
                       auto& addr = m.proxy.values["address"];
                       if (addr.empty()) addr = x.landing.doorplate.address.full();
                   },
                   [&](const PlateFailed& x) {
                       m.plate_state = Load::failed;
                       m.plate_error = x.message;
                   },
                   [&](const GuideLoaded& x) {
                       m.guides[x.id] = x.catalogue;
                       m.guide_state[x.id] = Load::ready;
                   },
                   [&](const GuideFailed& x) { m.guide_state[x.id] = Load::failed; },
                   [&](const EditField& x) {
                       m.proxy.values[x.field] = x.value;
                       m.proxy.server_errors.erase(x.field);
                   },
                   [&](const GoToSign&) { m.proxy.submit_tried = true; },
                   [&](const AddStrokePoint& x) {
                       if (x.start || m.signature.strokes.empty()) {
                           m.signature.strokes.emplace_back();
                           m.signature.undone.clear();
                       }
                       auto& s = m.signature.strokes.back();
                       s.push_back(x.x);
                       s.push_back(x.y);
                   },
                   [&](const ClearSignature&) {
                       m.signature.undone.clear();
                       for (auto it = m.signature.strokes.rbegin(); it != m.signature.strokes.rend(); ++it)
                           m.signature.undone.push_back(*it);
                       m.signature.strokes.clear();
                   },
                   [&](const UndoStroke&) {
                       if (m.signature.strokes.empty()) return;
                       m.signature.undone.push_back(m.signature.strokes.back());
                       m.signature.strokes.pop_back();
                   },
                   [&](const RedoStroke&) {
                       if (m.signature.undone.empty()) return;
                       m.signature.strokes.push_back(m.signature.undone.back());
                       m.signature.undone.pop_back();
                   },
                   [&](const SetConsent& x) { m.signature.consent = x.on; },
                   [&](const SubmitProxy&) {
                       m.submitting = true;
                       m.submit_error.clear();
                   },
                   [&](const SubmitQuestion&) { m.submit_error.clear(); },
                   [&](const SubmitPrereview&) { m.submit_error.clear(); },
                   [&](const SubmitVideo&) { m.submit_error.clear(); },
                   [&](const Submitted&) {
                       m.submitting = true;  // until the server answers (or the phone is offline)
                       m.signature = {};
                       m.proxy.submit_tried = false;
                       m.question_text.clear();
                   },
                   [&](const SubmitFailed& x) {
                       m.submitting = false;
                       m.submit_error = x.message;
                   },
                   [&](const RequestCreated& x) {
                       m.submitting = false;
                       for (auto& r : m.mine)
                           if (r.id == x.request.id) return;
                       m.mine.insert(m.mine.begin(), x.request);
                   },
                   [&](const RequestRejected& x) {
                       m.submitting = false;
                       m.rejected.push_back(x.rejected);
                       // A refused 代办 goes back to its form with the server's messages beside
                       // the fields; what was typed stays.
                       if (x.rejected.kind != "proxy") return;
                       m.proxy.server_summary = x.rejected.message;
                       for (auto& [path, msg] : x.rejected.fields) {
                           const std::string f = path == "contact.name"        ? "name"
                                                 : path == "contact.phone"     ? "phone"
                                                 : path == "id_number"         ? "id_number"
                                                 : path == "payload.address"   ? "address"
                                                 : path == "payload.note"      ? "note"
                                                                               : path;
                           m.proxy.server_errors[f] = msg;
                       }
                   },
                   [&](const OutboxChanged& x) {
                       m.pending = x.pending;
                       m.online = x.online;
                   },
                   [&](const DetailLoaded& x) {
                       auto& d = m.details[x.id];
                       d.state = Load::ready;
                       d.data = x.data;
                       d.error.clear();
                   },
                   [&](const DetailFailed& x) {
                       auto& d = m.details[x.id];
                       if (d.state != Load::ready) d.state = Load::failed;
                       d.error = x.message;
                   },
                   [&](const Picked& x) { m.picked[x.request_id + "/" + x.material] = x.blob; },
                   [&](const ChooseSlot& x) { m.video_slot = x.at; },
                   [&](const SetRating& x) { m.rating[x.request_id] = x.level; },
                   [&](const EditQuestion& x) { m.question_text = x.text; },
                   [&](const ChatLoaded& x) {
                       auto& c = m.chats[x.id];
                       for (auto& msg : x.messages) {
                           bool known = false;
                           for (auto& have : c.messages) known = known || have.value("id", 0LL) == msg.value("id", 0LL);
                           if (!known) c.messages.push_back(msg);
                       }
                       c.agent_read = std::max(c.agent_read, x.agent_read);
                   },
                   [&](const ChatEvents& x) {
                       auto& c = m.chats[x.id];
                       c.agent_typing = x.agent_typing;
                       c.last_seq = std::max(c.last_seq, x.last_seq);
                       for (auto& e : x.events) {
                           const std::string type = e.value("type", "");
                           if (type == "message" && e.contains("data") && e["data"].contains("message")) {
                               const auto& msg = e["data"]["message"];
                               bool known = false;
                               for (auto& have : c.messages) known = known || have.value("id", 0LL) == msg.value("id", 0LL);
                               if (!known) c.messages.push_back(msg);
                           } else if (type == "read" && e.contains("data") && e["data"].value("side", "") == "agent") {
                               c.agent_read = std::max(c.agent_read, e["data"].value("message_id", 0LL));
                           }
                       }
                   },
                   [&](const SlotsLoaded& x) {
                       m.slots = x.slots;
                       m.slots_state = Load::ready;
                   },
                   [&](const SlotsFailed&) { m.slots_state = Load::failed; },
                   [&](const AskWithdraw& x) { m.confirm_withdraw = x.request_id; },
                   [&](const CancelWithdraw&) { m.confirm_withdraw.clear(); },
                   [&](const Withdraw&) { m.confirm_withdraw.clear(); },
                   [&](const auto&) {},
               },
               a);
    return m;
}

}  // namespace help
