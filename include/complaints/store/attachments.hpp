// SPDX-License-Identifier: Apache-2.0
#pragma once
// Evidence kept with a case: a file described by its content (SHA-256,
// media type, size), checked against the repository's limit and the
// patient-data guard, and recorded by an `attached` event. The file goes
// to attachments/<ID>/ through StoreWriter::keep_attachment.
#include "complaints/codec/config.hpp"
#include "complaints/model/model.hpp"
#include "complaints/store/store.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace complaints {

// A file as it arrives: the name it came with and its bytes.
struct IncomingFile {
    std::string name;
    std::string bytes;
};

// A file described and checked, ready to keep.
struct CheckedFile {
    Attachment attachment;
    std::string bytes;
    // Set when the patient-data guard is on and cannot read the file (a
    // scan, a photograph): the command says so, naming it.
    std::string caution;
};

// The media type of `bytes`, from their content (libmagic):
// "application/pdf", "text/plain", ...
std::string media_type_of(std::string_view bytes);

// The name a file is kept under: the name it came with, reduced to what
// every file system and shell takes, then its SHA-256, then its extension
// ("signed-record-<64 hex>.pdf").
std::string kept_file_name(std::string_view name, std::string_view sha256);

// Describes `file` and checks it: refused (attachment_too_large) past
// complaints.yaml's limit, refused when a text file holds patient data the
// policy forbids, a usage error (value_invalid) when it has no name or is
// empty.
CheckedFile check_incoming(IncomingFile file, const Config& config);

// The case's attachments as `show` numbers them, from 1: every event that
// keeps a file, in timeline order, void ones left out.
std::vector<const Event*> attachments_of(const Case& c);

// The attachment `number` (from 1) of attachments_of; no_such_item else.
const Event& attachment_numbered(const Case& c, int number);

// Has the response enclose attachment `number` (of attachments_of): its
// SHA-256 joins the case's enclosed_attachments. Returns its name.
std::string enclose_attachment(Case& c, int number);

// The attachments the response encloses, by the names they came with: those
// the manager chose, in the order they were kept, void ones left out.
std::vector<std::string> enclosed_attachment_names(const Case& c);

// Adds `event` (an `attached` event, or an email's) keeping `file` to the
// case, and queues the file for the writer. Refused (already_filed), with
// nothing added, when the case keeps the same content already and it is
// not void; a void one's file is named again and not written twice.
Event& attach_file(Case& c, StoreWriter& writer, Event event, const CheckedFile& file);

// What is wrong with an attachment the case names, if anything: missing,
// not a plain file, or its bytes not the SHA-256 its event records.
std::optional<std::string> attachment_problem(const Store& store, const std::string& id,
                                              const Attachment& attachment);

} // namespace complaints
