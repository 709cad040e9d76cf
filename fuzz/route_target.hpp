// The route fuzz target: every POST body and GET query of the HTTP API, sent over loopback HTTP
// to the real routes (install_routes) of an in-process server with a real SQLite database of the
// demo county. Any 5xx, a malformed error body or a dropped connection aborts.
#pragma once
#include "targets.hpp"

namespace dp_fuzz {

// Input: "<endpoint name>\n<body or query>" (see kEndpoints in route_target.cpp for the names);
// an unknown name picks an endpoint by its hash, so every input reaches some route.
int routes(const std::uint8_t* data, std::size_t size);

inline constexpr Entry kRouteTargets[] = {{"routes", routes}};

}  // namespace dp_fuzz
