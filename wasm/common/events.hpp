// Usage events of the browser apps (statistics): queued in memory and in localStorage, sent to
// POST /api/v1/events in batches (every 30 s while online, as soon as a batch is full, and when
// the page is hidden, with fetch keepalive) with an Idempotency-Key per batch, so nothing is
// counted twice and nothing is lost offline. The queue logic is shared/event_queue (tested).
// Use: usage::start() once; usage::set_context(doorplate, channel) when the doorplate is known;
// then the event functions below. The doorplate's area is derived by the server; no personal
// data and no typed search text are ever sent.
#pragma once
#include <cstddef>
#include <string>

namespace usage {

void start();
// Added to every later event: the doorplate code and the visit's entry channel id (poster, …).
void set_context(const std::string& doorplate, const std::string& channel);

void doorplate_opened();                                    // once per visit to a doorplate
void guide_viewed(const std::string& item);
void search_typed(const std::string& query, int results);   // debounced: see SearchDebounce
void search_result_opened(const std::string& item);
void navigation_tapped(const std::string& place, const std::string& map_app);  // amap | baidu | tencent
void phone_help(const std::string& item);                   // the hotline button ("" = no item)
// No rating / request_closed here: the server records those itself when a request is rated or
// closed (docs/api-stats.md, "Who records what"), and refuses them from apps.

void flush();            // send now (if online and nothing is in flight)
std::size_t pending();   // events not yet accepted by the server

}  // namespace usage
