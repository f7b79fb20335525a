// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/rawrequest.h"
#include "core/providers/signaturescheme.h"
#include "core/util/result.h"

#include <QList>
#include <QStringList>

namespace wb::models {

// How an edited request is signed before it is re-delivered.
enum class SignatureMode {
    Resign,    // new signature headers from the connection's scheme and secret
    Unsigned,  // the scheme's signature, timestamp and id headers removed
    Corrupted, // re-signed, then one character of the signature changed: to test that the
               // receiving side refuses it
};

// An edited request ready to send, and the label of what changed (for people, in order: header
// fields added, removed, changed; the body; the signature).
struct EditedRequest
{
    core::RawRequest request;
    QStringList changes;
};

// "Name: value" per line (CRLF or LF); blank lines ignored. Errors: "edit.bad_header" naming the
// line (no colon, an empty name, a name with white space).
core::Result<QList<core::ReceivedHeader>> parseHeaderLines(const QString &text);
QString headerLines(const QList<core::ReceivedHeader> &headers);

// Prepares `edited` (the original's method and URL with headers and body changed in the editor)
// for sending. A body whose Content-Type is JSON (application/json, +json) must be valid JSON
// (core::rawjson: the message says at which byte): error "json.invalid". Then the scheme's
// signature, timestamp and message-id headers (`scheme`: the connection's provider's first
// scheme) are removed and, for Resign/Corrupted, made again with core::signRequest over the
// edited bytes at `nowMs` (UTC ms) with `secrets` and `messageId` (kept from the original's id
// header when it had one). Errors: core::signRequest's (signing.no_secret,
// signing.unsigned_scheme, signing.body_timestamp, …). Pure.
core::Result<EditedRequest> prepareEditedRequest(const core::RawRequest &original,
                                                 const core::RawRequest &edited,
                                                 const core::SignatureScheme &scheme,
                                                 const QList<QByteArray> &secrets,
                                                 SignatureMode mode, qint64 nowMs,
                                                 const QByteArray &newMessageId);

} // namespace wb::models
