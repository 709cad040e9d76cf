// Test fixture: runs the real doorplate-server binary on a free port with a temporary
// database and web root, and stops it (SIGTERM) when the fixture goes out of scope.
#pragma once
#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace testing {

namespace fs = std::filesystem;

inline fs::path make_temp_dir(const std::string& prefix) {
    std::string tmpl = (fs::temp_directory_path() / (prefix + "XXXXXX")).string();
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    return tmpl;
}

class ServerProcess {
public:
    // extra_args are appended to: --port 0 --db <tmp>/test.db --www <tmp>/www --assets <repo>/assets
    // --catalogue <build>/catalogue/catalogue.json (the built catalogue, with search pinyin)
    // --demo-data <build>/demo (the generated demo county) --no-demo-help (no demo help requests)
    // stderr_file: where the server's stderr (its log) goes; empty = inherited.
    explicit ServerProcess(std::vector<std::string> extra_args = {"--demo"}, fs::path db = {},
                           fs::path stderr_file = {})
        : stderr_file_(std::move(stderr_file)) {
        dir_ = make_temp_dir("doorplate-test-");
        www_ = dir_ / "www";
        fs::create_directories(www_ / "data");
        std::ofstream(www_ / "index.html") << "<!doctype html><title>shell</title>";
        std::ofstream(www_ / "app.wasm", std::ios::binary) << std::string("\0asm\1\0\0\0", 8);
        std::ofstream(www_ / "app.js") << "console.log(1)";
        db_ = db.empty() ? dir_ / "test.db" : db;
        std::vector<std::string> args = {DP_SERVER_BIN, "--port", "0", "--db", db_.string(), "--www", www_.string(),
                                         "--assets", std::string(DP_SOURCE_DIR) + "/assets", "--log-level", "warn",
                                         "--catalogue", DP_CATALOGUE_JSON, "--demo-data", DP_DEMO_DIR,
                                         "--no-demo-help"};  // tests count their requests; "--demo-help" turns it on
        args.insert(args.end(), extra_args.begin(), extra_args.end());
        start(args);
    }
    ~ServerProcess() {
        stop();
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(10, 0);
        return c;
    }
    const fs::path& www() const { return www_; }
    const fs::path& db_path() const { return db_; }
    const std::string& startup_output() const { return output_; }

    pid_t pid() const { return pid_; }

    // kill -9: no chance to finish anything (crash tests). Returns once the process is gone.
    void kill_hard() {
        if (pid_ <= 0) return;
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
        exit_status_ = -1;
    }

    // Sends SIGTERM and returns the exit status (-1 if it had to be killed).
    int stop() {
        if (pid_ <= 0) return exit_status_;
        kill(pid_, SIGTERM);
        for (int i = 0; i < 100; ++i) {
            int st = 0;
            if (waitpid(pid_, &st, WNOHANG) == pid_) {
                pid_ = -1;
                exit_status_ = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
                return exit_status_;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
        exit_status_ = -1;
        return exit_status_;
    }

private:
    void start(const std::vector<std::string>& args) {
        int out[2];
        if (pipe(out) != 0) throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            if (!stderr_file_.empty()) {
                int fd = open(stderr_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
                if (fd >= 0) dup2(fd, STDERR_FILENO);
            }
            close(out[0]);
            close(out[1]);
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(out[1]);
        // Read stdout until the server says where it listens.
        char buf[512];
        const std::string marker = "serving on http://127.0.0.1:";
        while (true) {
            ssize_t n = read(out[0], buf, sizeof buf);
            if (n <= 0) break;
            output_.append(buf, static_cast<size_t>(n));
            auto at = output_.find(marker);
            if (at != std::string::npos && output_.find('/', at + marker.size()) != std::string::npos) {
                port_ = std::stoi(output_.substr(at + marker.size()));
                break;
            }
        }
        close(out[0]);
        if (port_ <= 0) {
            stop();
            throw std::runtime_error("server did not start: " + output_);
        }
    }

    fs::path stderr_file_;
    fs::path dir_, www_, db_;
    pid_t pid_ = -1;
    int port_ = 0;
    int exit_status_ = -1;
    std::string output_;
};

// Runs the server binary with arguments to completion; returns {exit status, stderr+stdout}.
inline std::pair<int, std::string> run_server_command(const std::vector<std::string>& args) {
    std::string cmd = DP_SERVER_BIN;
    for (auto& a : args) cmd += " '" + a + "'";
    cmd += " 2>&1";
    std::string output;
    FILE* p = popen(cmd.c_str(), "r");
    char buf[512];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) output.append(buf, n);
    int st = pclose(p);
    return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, output};
}

}  // namespace testing
