// SPDX-License-Identifier: Apache-2.0
// The HTTP side of `complaints serve` (cpp-httplib): the token every request
// must carry, the headers every answer is sent with, the routes, and a clean
// stop on SIGINT or SIGTERM.
#include "serve.hpp"
#include "serve_pages.hpp"

#include "complaints/base/error.hpp"

#include <fmt/format.h>
#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <atomic>
#include <csignal>
#include <mutex>
#include <thread>

namespace complaints::cli {

namespace {

constexpr std::string_view k_cookie = "complaints_token";

// 32 random bytes as hex: the secret that lets a browser in. Other users of
// this machine can reach a loopback port too; they cannot read our output.
std::string new_token() {
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw Error(ErrorKind::io, "cannot make a token for the server (OpenSSL's RAND_bytes)");
    std::string token;
    for (const unsigned char byte : bytes)
        token += fmt::format("{:02x}", byte);
    return token;
}

bool same_secret(std::string_view given, std::string_view token) {
    return given.size() == token.size() &&
           CRYPTO_memcmp(given.data(), token.data(), token.size()) == 0;
}

// The token from the request's cookie, if it carries one.
std::string cookie_token(const httplib::Request& request) {
    const std::string cookies = request.get_header_value("Cookie");
    const std::string name = std::string(k_cookie) + "=";
    for (std::size_t at = cookies.find(name); at != std::string::npos;
         at = cookies.find(name, at + 1))
        if (at == 0 || cookies[at - 1] == ' ' || cookies[at - 1] == ';') {
            const std::size_t start = at + name.size();
            return cookies.substr(start, cookies.find(';', start) - start);
        }
    return "";
}

// On loopback, a page asked for by another name is a DNS rebinding attack:
// a site elsewhere pointing its own name at 127.0.0.1.
bool host_allowed(const httplib::Request& request, bool loopback, int port) {
    if (!loopback)
        return true;
    const std::string host = request.get_header_value("Host");
    const std::string suffix = ":" + std::to_string(port);
    return host == "127.0.0.1" + suffix || host == "localhost" + suffix || host == "[::1]" + suffix;
}

void send(httplib::Response& response, const Page& page) {
    response.status = page.status;
    response.set_header("Content-Security-Policy", content_security_policy(page.body));
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Cache-Control", "no-store");
    if (!page.download.empty())
        response.set_header("Content-Disposition",
                            "attachment; filename*=UTF-8''" + url_encoded(page.download));
    response.set_content(page.body, page.media_type);
}

struct Server {
    const ServeOptions& options;
    const Reader& repo;
    Site site;
    std::string token;
    int port = 0;
    std::mutex reading; // one page at a time reads the repository and its cache
    httplib::Server http;

    Server(const ServeOptions& given, const Reader& reader)
        : options(given),
          repo(reader), site{reader.store.config().organisation,
                             reader.store.config().policy.warnings.kept.has_value()},
          token(new_token()) {}

    View view() const {
        return View{repo.context, repo.store, current_time(), options.include_names, site};
    }

    // Each request: the token, by cookie or by the link printed at start
    // (which sets the cookie and drops the token from the address).
    httplib::Server::HandlerResponse admit(const httplib::Request& request,
                                           httplib::Response& response) {
        const bool loopback = options.listen == "127.0.0.1" || options.listen == "::1" ||
                              options.listen == "localhost";
        if (!host_allowed(request, loopback, port)) {
            send(response, error_page(site, 403, "this server answers to 127.0.0.1 only"));
            return httplib::Server::HandlerResponse::Handled;
        }
        if (same_secret(request.get_param_value("token"), token)) {
            response.set_header(
                "Set-Cookie",
                fmt::format("{}={}; HttpOnly; SameSite=Strict; Path=/", k_cookie, token));
            response.set_redirect(request.path, 303);
            return httplib::Server::HandlerResponse::Handled;
        }
        if (same_secret(cookie_token(request), token))
            return httplib::Server::HandlerResponse::Unhandled;
        send(response, error_page(site, 403,
                                  "open the link 'complaints serve' printed when it started: it "
                                  "carries the token this server asks of every visitor"));
        return httplib::Server::HandlerResponse::Handled;
    }

    // A page made under the lock, an Error said on a page of its own.
    template <class Make> void answer(httplib::Response& response, Make make) {
        const std::lock_guard<std::mutex> lock(reading);
        try {
            send(response, make());
        } catch (const Error& e) {
            const int status = e.kind() == ErrorKind::not_found ? 404
                               : e.kind() == ErrorKind::usage   ? 400
                                                                : 500;
            send(response, error_page(site, status, e.what()));
        }
    }

    void routes();
};

Query query_of(const httplib::Request& request) {
    Query query;
    for (const auto& [key, value] : request.params)
        query.emplace(key, value);
    return query;
}

void Server::routes() {
    http.set_pre_routing_handler(
        [this](const httplib::Request& q, httplib::Response& r) { return admit(q, r); });
    http.Get("/style.css", [](const httplib::Request&, httplib::Response& r) {
        send(r, Page{200, "text/css; charset=utf-8", std::string(site_style()), {}});
    });
    // What a browser asks of every site: a mark in the page's colour.
    http.Get("/favicon.ico", [](const httplib::Request&, httplib::Response& r) {
        send(r, Page{200,
                     "image/svg+xml",
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">"
                     "<rect width=\"16\" height=\"16\" rx=\"3\" fill=\"#12355b\"/></svg>",
                     {}});
    });
    http.Get("/", [this](const httplib::Request&, httplib::Response& r) {
        answer(r, [&] { return today_page(view()); });
    });
    http.Get("/cases", [this](const httplib::Request& q, httplib::Response& r) {
        answer(r, [&] { return cases_page(view(), query_of(q)); });
    });
    http.Get(R"(/case/([^/]+))", [this](const httplib::Request& q, httplib::Response& r) {
        answer(r, [&] { return case_page(view(), q.matches[1]); });
    });
    http.Get(R"(/case/([^/]+)/letter/([0-9]{1,6}))", [this](const httplib::Request& q,
                                                            httplib::Response& r) {
        answer(r, [&] { return letter_page(view(), q.matches[1], std::stoi(q.matches[2])); });
    });
    http.Get(R"(/case/([^/]+)/attachment/([0-9]{1,6}))", [this](const httplib::Request& q,
                                                                httplib::Response& r) {
        answer(r, [&] { return attachment_page(view(), q.matches[1], std::stoi(q.matches[2])); });
    });
    http.Get("/report", [this](const httplib::Request& q, httplib::Response& r) {
        answer(r, [&] { return report_page(view(), query_of(q)); });
    });
    http.Get("/clinicians", [this](const httplib::Request&, httplib::Response& r) {
        answer(r, [&] { return clinicians_page(view()); });
    });
    http.Get("/leaflet", [this](const httplib::Request&, httplib::Response& r) {
        answer(r, [&] { return leaflet_page(view()); });
    });
    http.set_error_handler([this](const httplib::Request&, httplib::Response& r) {
        if (r.status == 404 && r.body.empty())
            send(r, error_page(site, 404, "there is no such page"));
    });
}

// SIGINT and SIGTERM are taken by a thread of their own, which stops the
// server (a signal's handler may not): blocked here, before the server's
// threads start, so that they inherit the mask.
sigset_t stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    return signals;
}

int bound_port(httplib::Server& http, const ServeOptions& options) {
    const int port = options.port == 0 ? http.bind_to_any_port(options.listen)
                     : http.bind_to_port(options.listen, options.port) ? options.port
                                                                       : -1;
    if (port <= 0)
        throw Error(ErrorKind::io, fmt::format("cannot listen on {} port {}: in use, or not an "
                                               "address of this machine",
                                               options.listen, options.port));
    return port;
}

} // namespace

void serve(const ServeOptions& options, const Reader& repo) {
    Server server(options, repo);
    server.routes();
    // Pages wait for one another (see `reading`); a few threads keep a
    // browser's idle connections from holding up the next page.
    server.http.new_task_queue = [] { return new httplib::ThreadPool(4); };
    const sigset_t signals = stop_signals();
    server.port = bound_port(server.http, options);
    std::atomic<bool> signalled = false;
    std::thread stopper([&] {
        int received = 0;
        sigwait(&signals, &received);
        signalled = true;
        server.http.stop();
    });
    const std::string host =
        options.listen.find(':') != std::string::npos ? "[" + options.listen + "]" : options.listen;
    fmt::print("Serving {} at http://{}:{}/?token={} (Ctrl-C stops it)\n",
               repo.store.config().organisation, host, server.port, server.token);
    std::fflush(stdout);
    const bool served = server.http.listen_after_bind();
    // Stopped by anything but a signal: wake the thread waiting for one.
    if (!signalled)
        pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    if (!served && !signalled)
        throw Error(ErrorKind::io, "the server stopped: it could not accept connections");
}

} // namespace complaints::cli
