// Demo accounts for `--demo`: two agents of different towns, a supervisor and an admin, with fixed
// passwords printed at start-up (demo mode only; see README.md).
#include <cstdio>

#include "app.hpp"
#include "auth.hpp"
#include "log.hpp"

namespace dp {
namespace {
struct DemoAccount {
    const char* username;
    const char* password;
    const char* role;
    const char* area_id;
    const char* display_name;
};
const DemoAccount kDemoAccounts[] = {
    {"agent_ximei", "ximei-demo-2025", "agent", "350583-101", "溪美街道帮办员"},
    {"agent_shuitou", "shuitou-demo-2025", "agent", "350583-108", "水头镇帮办员"},
    {"supervisor", "supervisor-demo-2025", "supervisor", "", "南安市督导"},
    {"admin", "admin-demo-2025", "admin", "", "系统管理员"},
};
}  // namespace

int seed_demo_accounts(Db& db) {
    {
        auto l = db.lock();
        Stmt c(db, "SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM areas)");
        c.step();
        if (c.int64(0) > 0 || c.int64(1) == 0) return 0;
    }
    // The passwords are public, so the cheapest cost is enough here; the first login rehashes
    // with the server's configured cost.
    const PasswordCost cheap = *password_cost_named("min");
    int created = 0;
    for (const auto& a : kDemoAccounts) {
        create_user(db, {a.username, a.password, a.role, a.area_id, a.display_name}, cheap);
        ++created;
    }
    log::info("demo_accounts_seeded", {{"accounts", created}});
    return created;
}

void print_demo_accounts() {
    std::printf("Demo accounts (demo mode only; agent console logins):\n");
    for (const auto& a : kDemoAccounts)
        std::printf("  %-14s %-22s %-10s %s\n", a.username, a.password, a.role, a.display_name);
}

}  // namespace dp
