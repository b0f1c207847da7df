#include "process.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <limits>
#include <poll.h>
#include <signal.h>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "resource_bounds.hpp"

extern char** environ;

namespace dpslint::test {

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd,
                          const std::string& stdin_text, const std::vector<std::string>& extra_env,
                          double timeout_seconds) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const auto deadline =
        start
        + std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(timeout_seconds > 0 ? timeout_seconds : 0));
    int out_pipe[2], err_pipe[2], in_pipe[2];
    if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0 || pipe(in_pipe) != 0) {
        throw std::runtime_error("pipe failed");
    }
    const pid_t pid = fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(in_pipe[0], STDIN_FILENO);
        dup2(out_pipe[1], STDOUT_FILENO);
        dup2(err_pipe[1], STDERR_FILENO);
        for (int fd :
             {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
            close(fd);
        }
        // Its own process group, so that a timeout kills whatever it started too.
        setpgid(0, 0);
        if (!cwd.empty() && chdir(cwd.c_str()) != 0)
            _exit(127);
        for (const auto& kv : extra_env) {
            const auto eq = kv.find('=');
            setenv(kv.substr(0, eq).c_str(), kv.substr(eq + 1).c_str(), 1);
        }
        std::vector<char*> args;
        for (const auto& a : argv)
            args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        execve(args[0], args.data(), environ);
        _exit(127);
    }
    close(in_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[1]);
    // Feed stdin fully before reading: test inputs are small.
    const char* data = stdin_text.data();
    std::size_t left = stdin_text.size();
    signal(SIGPIPE, SIG_IGN);
    while (left > 0) {
        const ssize_t n = write(in_pipe[1], data, left);
        if (n <= 0)
            break;
        data += n;
        left -= static_cast<std::size_t>(n);
    }
    close(in_pipe[1]);

    ProcessResult result;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open = 2;
    char buffer[65536];
    while (open > 0) {
        int wait_ms = -1;
        if (timeout_seconds > 0) {
            const auto remaining =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (remaining.count() <= 0) {
                if (!result.timed_out)
                    kill(-pid, SIGKILL);
                result.timed_out = true;
                wait_ms = 100;  // collect what is left in the pipes
            } else {
                wait_ms = static_cast<int>(remaining.count()) + 1;
            }
        }
        const int ready = poll(fds, 2, wait_ms);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (ready == 0) {
            if (result.timed_out)
                break;  // a grandchild may hold the pipes open
            continue;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP)) == 0)
                continue;
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                const auto size = static_cast<std::size_t>(n);
                if (i == 0)
                    result.out_bytes += size;
                if (sinks[i]->size() < max_captured_bytes)
                    sinks[i]->append(buffer, std::min(size, max_captured_bytes - sinks[i]->size()));
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    for (const auto& fd : fds) {
        if (fd.fd >= 0)
            close(fd.fd);
    }
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.max_rss_kb = usage.ru_maxrss;
    if (WIFEXITED(status))
        result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        result.signal = WTERMSIG(status);
    return result;
}

ProcessResult run_dpslint(const std::vector<std::string>& args, const std::string& cwd,
                          const std::string& stdin_text, double timeout_seconds) {
    std::vector<std::string> argv;
    // The peak RSS wait4 reports for a child includes what it inherited from the process it
    // was forked from, and a sanitized test program holds hundreds of MB: the release binary's
    // own peak is taken by GNU time, a process of 2 MB, started in between.
    const bool measure_with_time = sanitized_build && binary_bounds_apply();
    static std::atomic<int> counter{0};
    const auto rss_file =
        std::filesystem::temp_directory_path()
        / ("dpslint-rss-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    if (measure_with_time)
        argv = {"/usr/bin/time", "-q", "-f", "%M", "-o", rss_file.string()};
    argv.push_back(binary_under_test());
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessResult result = run_process(argv, cwd, stdin_text, {"NO_COLOR=1"}, timeout_seconds);
    if (measure_with_time) {
        std::ifstream in(rss_file);
        std::string line;
        long kb = -1;
        while (std::getline(in, line)) {
            if (!line.empty() && line.find_first_not_of("0123456789") == std::string::npos)
                kb = std::stol(line);
        }
        std::error_code ignored;
        std::filesystem::remove(rss_file, ignored);
        // Unmeasured (killed before time wrote it) counts as over any bound.
        result.max_rss_kb = kb >= 0 ? kb : std::numeric_limits<long>::max();
        // time exits 128 + N for a command killed by signal N.
        if (result.signal == 0 && result.exit_code > 128) {
            result.signal = result.exit_code - 128;
            result.exit_code = -1;
        }
    }
    return result;
}

}  // namespace dpslint::test
