#pragma once
// A real authoritative DNS server for the domain-check tests: NSD (Debian package `nsd`), run in
// the foreground from a private directory with the zone files of tests/domain/zones, on
// 127.0.0.1 and a free port. It starts in about 0.2 s, needs no systemd and no root (no chroot,
// no user switch). The destructor stops it. A second helper, SilentUdpPort, is a port that takes
// queries and never answers, for timeouts.
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>

#include "../common/files.hpp"
#include "dns/resolver.hpp"

namespace domain_test {

/// A 127.0.0.1 socket of `type` on port 0 (the kernel picks a free one); its port.
inline int bind_loopback(int type, int port, int* fd_out = nullptr) {
    int fd = ::socket(AF_INET, type, 0);
    if (fd < 0) throw std::runtime_error("socket");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    if (fd_out != nullptr) {
        *fd_out = fd;
    } else {
        ::close(fd);
    }
    return ntohs(addr.sin_port);
}

/// A UDP port on 127.0.0.1 that accepts datagrams and never reads or answers them.
class SilentUdpPort {
  public:
    SilentUdpPort() { port_ = bind_loopback(SOCK_DGRAM, 0, &fd_); }
    ~SilentUdpPort() { ::close(fd_); }
    SilentUdpPort(const SilentUdpPort&) = delete;
    SilentUdpPort& operator=(const SilentUdpPort&) = delete;
    std::string server() const { return "127.0.0.1:" + std::to_string(port_); }

  private:
    int fd_ = -1;
    int port_ = 0;
};

class LocalDns {
  public:
    explicit LocalDns(const std::filesystem::path& zones = MA_PLAN_SOURCE_DIR
                      "/tests/domain/zones") {
        // A port free for UDP and TCP now may be taken before NSD binds it; then try another.
        for (int attempt = 0; attempt < 5 && pid_ <= 0; ++attempt) {
            int port = bind_loopback(SOCK_DGRAM, 0);
            if (bind_loopback(SOCK_STREAM, port) < 0) continue;
            start(zones, port);
        }
        if (pid_ <= 0) {
            throw std::runtime_error("nsd did not start:\n" +
                                     test_support::read_file(dir_ / "nsd.log"));
        }
    }
    ~LocalDns() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            int status = 0;
            ::waitpid(pid_, &status, 0);
        }
    }
    LocalDns(const LocalDns&) = delete;
    LocalDns& operator=(const LocalDns&) = delete;

    int port() const { return port_; }
    std::string server() const { return "127.0.0.1:" + std::to_string(port_); }

  private:
    void start(const std::filesystem::path& zones, int port) {
        std::string conf = "server:\n  ip-address: 127.0.0.1\n  port: " + std::to_string(port) +
                           "\n  username: \"\"\n  chroot: \"\"\n  database: \"\"\n"
                           "  zonesdir: \"" +
                           zones.string() +
                           "\"\n"
                           "  zonelistfile: \"" +
                           (dir_ / "zone.list").string() +
                           "\"\n"
                           "  xfrdfile: \"" +
                           (dir_ / "xfrd.state").string() +
                           "\"\n"
                           "  xfrdir: \"" +
                           dir_.path.string() +
                           "\"\n"
                           "  pidfile: \"" +
                           (dir_ / "nsd.pid").string() +
                           "\"\n"
                           "  logfile: \"" +
                           (dir_ / "nsd.log").string() +
                           "\"\n"
                           "  server-count: 1\n  verbosity: 1\n  hide-version: yes\n"
                           "remote-control:\n  control-enable: no\n";
        for (const auto& entry : std::filesystem::directory_iterator(zones)) {
            if (entry.path().extension() != ".zone") continue;
            std::string name = entry.path().stem().string();
            conf += "zone:\n  name: " + name + "\n  zonefile: " + entry.path().filename().string() +
                    "\n";
        }
        test_support::write_file(dir_ / "nsd.conf", conf);
        pid_t pid = ::fork();
        if (pid == 0) {
            // If the test process dies (a crash, a kill), NSD goes with it.
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            std::string log = (dir_ / "nsd.out").string();
            std::freopen(log.c_str(), "w", stdout);
            std::freopen(log.c_str(), "a", stderr);
            std::string c = (dir_ / "nsd.conf").string();
            ::execlp("nsd", "nsd", "-d", "-c", c.c_str(), static_cast<char*>(nullptr));
            ::execl("/usr/sbin/nsd", "nsd", "-d", "-c", c.c_str(), static_cast<char*>(nullptr));
            std::_Exit(127);
        }
        pid_ = pid;
        port_ = port;
        // Ready when it answers; gone if it exited (port taken, bad config).
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                return;
            }
            if (answers()) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

    bool answers() const {
        auto resolver = maplan::dns::make_cares_resolver({server(), 200, 1});
        bool ok = false;
        resolver->submit(
            {"good.test", maplan::dns::RrType::txt},
            [&](const maplan::dns::Answer& a) { ok = a.status == maplan::dns::Status::ok; });
        resolver->run();
        return ok;
    }

    test_support::TempDir dir_;
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace domain_test
