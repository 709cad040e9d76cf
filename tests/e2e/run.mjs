// All browser end-to-end tests (make test runs this file). One file per app area is
// imported here; each exports a list of [name, fn] pairs.
import { runTests } from './harness.mjs';
import { tests as residentLanding } from './test_resident_landing.mjs';
import { tests as residentGuide } from './test_resident_guide.mjs';
import { tests as residentPhone } from './test_resident_phone.mjs';
import { tests as securityHeaders } from './test_security_headers.mjs';
import { tests as residentMap } from './test_resident_map.mjs';
import { tests as deskConsole } from './test_desk_console.mjs';
import { tests as residentHelp } from './test_resident_help.mjs';
import { tests as residentUsage } from './test_resident_usage.mjs';
import { tests as deskStats } from './test_desk_stats.mjs';
import { tests as helpRoundTrips } from './test_help_round_trips.mjs';

await runTests([...residentLanding, ...residentGuide, ...residentPhone, ...residentMap, ...residentHelp, ...residentUsage, ...securityHeaders, ...deskConsole, ...helpRoundTrips, ...deskStats]);
