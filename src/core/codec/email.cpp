// SPDX-License-Identifier: Apache-2.0
#include "complaints/codec/email.hpp"

#include "complaints/base/digest.hpp"
#include "complaints/base/error.hpp"
#include "complaints/base/text.hpp"

#include <fmt/format.h>
#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <optional>

namespace complaints {

namespace {

// GObject references released when they go out of scope.
template <class T> struct Unref {
    void operator()(T* object) const {
        if (object)
            g_object_unref(object);
    }
};
template <class T> using Owned = std::unique_ptr<T, Unref<T>>;

void start_gmime() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

[[noreturn]] void malformed(const std::string& shown, std::string_view why) {
    throw Error(ErrorKind::bad_data, fmt::format("is not an email that can be filed: {}", why),
                Location{shown});
}

std::string or_empty(const char* text) {
    return text ? text : "";
}

// Text a header or part claims is UTF-8 but is not: read as windows-1252,
// the charset mail clients send unlabelled most often.
std::string as_utf8(std::string text) {
    if (!first_invalid_byte(text))
        return text;
    gsize written = 0;
    gchar* converted = g_convert(text.data(), static_cast<gssize>(text.size()), "UTF-8",
                                 "WINDOWS-1252", nullptr, &written, nullptr);
    if (!converted)
        converted = g_convert(text.data(), static_cast<gssize>(text.size()), "UTF-8", "ISO-8859-1",
                              nullptr, &written, nullptr);
    std::string result(converted ? converted : "", converted ? written : 0);
    g_free(converted);
    return result;
}

// LF line ends, and no NUL or control but tab and newline, so the text can
// be an event's.
std::string plain_lines(std::string text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\r')
            continue;
        if (c < 0x20 && c != '\n' && c != '\t')
            continue;
        if (c == 0x7F)
            continue;
        out += static_cast<char>(c);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    // C1 controls (U+0080-U+009F) are dropped too.
    while (const auto control = first_control(out))
        out.erase(*control, 2);
    return out;
}

// The decoded bytes of a part (base64 and quoted-printable undone).
std::string part_bytes(GMimePart* part) {
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    if (!content)
        return {};
    const Owned<GMimeStream> memory(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, memory.get());
    GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.get()));
    return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

// A text part in UTF-8, from whatever charset it declares.
std::string part_text(GMimePart* part) {
    if (GMIME_IS_TEXT_PART(part)) {
        char* text = g_mime_text_part_get_text(GMIME_TEXT_PART(part));
        std::string result = or_empty(text);
        g_free(text);
        return as_utf8(std::move(result));
    }
    return as_utf8(part_bytes(part));
}

struct Walk {
    std::string plain;
    std::string html;
    std::vector<EmailFile> files;
};

bool is_type(GMimeObject* part, const char* type, const char* subtype) {
    GMimeContentType* content = g_mime_object_get_content_type(part);
    return content && g_mime_content_type_is_type(content, type, subtype);
}

void visit_part(GMimeObject*, GMimeObject* part, gpointer data) {
    auto& walk = *static_cast<Walk*>(data);
    if (GMIME_IS_MESSAGE_PART(part)) {
        // A message forwarded whole is kept as a file, as it came.
        GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(part));
        const Owned<GMimeStream> memory(g_mime_stream_mem_new());
        if (inner)
            g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, memory.get());
        GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.get()));
        walk.files.push_back({fmt::format("forwarded-{}.eml", walk.files.size() + 1),
                              std::string(reinterpret_cast<const char*>(array->data), array->len)});
        return;
    }
    if (!GMIME_IS_PART(part))
        return;
    GMimePart* leaf = GMIME_PART(part);
    const std::string name = or_empty(g_mime_part_get_filename(leaf));
    const bool attached = g_mime_part_is_attachment(leaf) || !name.empty();
    if (!attached && is_type(part, "text", "plain") && walk.plain.empty())
        walk.plain = part_text(leaf);
    else if (!attached && is_type(part, "text", "html") && walk.html.empty())
        walk.html = part_text(leaf);
    else if (attached || !is_type(part, "text", "*"))
        walk.files.push_back(
            {name.empty() ? fmt::format("attachment-{}", walk.files.size() + 1) : as_utf8(name),
             part_bytes(leaf)});
}

// The date after the last ';' of a Received header, if it parses.
GDateTime* received_date(const char* value) {
    const std::string text = or_empty(value);
    const std::size_t semicolon = text.rfind(';');
    if (semicolon == std::string::npos)
        return nullptr;
    return g_mime_utils_header_decode_date(text.c_str() + semicolon + 1);
}

// The first Received header's date (the newest hop, which is ours), else
// the Date header's.
std::optional<date::sys_seconds> arrival(GMimeMessage* message) {
    GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    GDateTime* when = nullptr;
    for (int i = 0; headers && i < g_mime_header_list_get_count(headers) && !when; ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
        if (g_ascii_strcasecmp(g_mime_header_get_name(header), "Received") == 0)
            when = received_date(g_mime_header_get_raw_value(header));
    }
    if (!when) {
        if (GDateTime* sent = g_mime_message_get_date(message))
            when = g_date_time_ref(sent);
    }
    if (!when)
        return std::nullopt;
    const date::sys_seconds at{std::chrono::seconds(g_date_time_to_unix(when))};
    g_date_time_unref(when);
    return at;
}

void add_references(GMimeMessage* message, const char* header, std::vector<std::string>& ids) {
    const char* value = g_mime_object_get_header(GMIME_OBJECT(message), header);
    if (!value)
        return;
    GMimeReferences* references = g_mime_references_parse(nullptr, value);
    for (int i = 0; references && i < g_mime_references_length(references); ++i)
        ids.push_back(g_mime_references_get_message_id(references, i));
    if (references)
        g_mime_references_free(references);
}

void read_sender(GMimeMessage* message, Email& email, const std::string& shown) {
    InternetAddressList* from = g_mime_message_get_from(message);
    InternetAddress* first = from && internet_address_list_length(from) > 0
                                 ? internet_address_list_get_address(from, 0)
                                 : nullptr;
    if (first && INTERNET_ADDRESS_IS_GROUP(first)) {
        InternetAddressList* members =
            internet_address_group_get_members(INTERNET_ADDRESS_GROUP(first));
        first = members && internet_address_list_length(members) > 0
                    ? internet_address_list_get_address(members, 0)
                    : nullptr;
    }
    if (!first || !INTERNET_ADDRESS_IS_MAILBOX(first))
        malformed(shown, "it has no sender (a From header with an address)");
    email.sender_address =
        as_utf8(or_empty(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(first))));
    email.sender_name = plain_lines(as_utf8(or_empty(internet_address_get_name(first))));
    if (email.sender_address.find('@') == std::string::npos)
        malformed(shown,
                  fmt::format("its sender '{}' is not an email address", email.sender_address));
}

// The To header as a reader sees it: names and addresses, decoded.
std::string read_recipients(GMimeMessage* message) {
    InternetAddressList* to = g_mime_message_get_to(message);
    if (!to || internet_address_list_length(to) == 0)
        return {};
    char* text = internet_address_list_to_string(to, nullptr, FALSE);
    std::string recipients = plain_lines(as_utf8(or_empty(text)));
    g_free(text);
    return recipients;
}

} // namespace

Email read_email(std::string_view bytes, const std::string& shown) {
    start_gmime();
    if (bytes.empty())
        malformed(shown, "it is empty");
    const Owned<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
    const Owned<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    const Owned<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
    if (!message)
        malformed(shown, "it has no RFC 5322 headers");
    Email email;
    read_sender(message.get(), email, shown);
    email.recipients = read_recipients(message.get());
    const auto received = arrival(message.get());
    if (!received)
        malformed(shown, "it has no date (neither a Received header nor a Date header that "
                         "can be read)");
    email.received = *received;
    email.subject = plain_lines(as_utf8(or_empty(g_mime_message_get_subject(message.get()))));
    email.message_id = or_empty(g_mime_message_get_message_id(message.get()));
    // A message without one is known by its bytes: the same file twice is
    // still the same message.
    if (email.message_id.empty())
        email.message_id = "sha256-" + sha256_hex(bytes) + "@complaints.invalid";
    add_references(message.get(), "In-Reply-To", email.replies_to);
    add_references(message.get(), "References", email.replies_to);
    Walk walk;
    g_mime_message_foreach(message.get(), visit_part, &walk);
    email.text = plain_lines(!walk.plain.empty() ? walk.plain : html_to_text(walk.html));
    email.files = std::move(walk.files);
    if (email.text.empty() && email.files.empty())
        malformed(shown, "it has neither a text nor an HTML body, nor any attachment");
    return email;
}

} // namespace complaints
