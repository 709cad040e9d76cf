// Query parameters of the map and navigation API: coordinates (lat/lng pairs, "lat,lng"
// strings), the coordinate system of the response (coord=wgs84|gcj02|bd09) and the local time
// a query is evaluated at (at=YYYY-MM-DDTHH:MM, Asia/Shanghai; default now).
#pragma once
#include <httplib.h>

#include <string>

#include "doorplate.hpp"
#include "opening_hours.hpp"
#include "service_point.hpp"

namespace dp {

// One coordinate parameter: 400 when missing, not a finite number, or out of range.
double latitude_param(const httplib::Request& req, const char* name);
double longitude_param(const httplib::Request& req, const char* name);
// "lat,lng" (WGS-84); `name` is the parameter named in the error.
LatLng parse_latlng_text(const std::string& text, const char* name);
// coord=…; wgs84 when absent.
CoordSystem coord_param(const httplib::Request& req);
// at=YYYY-MM-DDTHH:MM; now in Asia/Shanghai when absent.
LocalDateTime at_param(const httplib::Request& req);
// A present YYYY-MM-DDTHH:MM (Beijing time) parameter; 400 bad_time otherwise.
LocalDateTime local_time_param(const httplib::Request& req, const char* name);

}  // namespace dp
